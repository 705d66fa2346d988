import { describe, expect, it } from 'vitest';
import { en } from '../../src/conversation/strings/en.js';
import { zhTW } from '../../src/conversation/strings/zh-TW.js';

describe('strings', () => {
  it('both languages have the same keys, of the same kinds', () => {
    expect(Object.keys(zhTW).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(typeof zhTW[key], key).toBe(typeof en[key]);
      const a = en[key];
      const b = zhTW[key];
      if (typeof a === 'function' && typeof b === 'function') expect(b.length, key).toBe(a.length);
    }
  });

  it('zh-TW strings are in Chinese', () => {
    for (const [key, value] of Object.entries(zhTW)) {
      if (typeof value === 'string' && !/^[\d\s]*$/.test(value) && !key.startsWith('command')) expect(value, key).toMatch(/\p{Script=Han}/u);
    }
  });
});
