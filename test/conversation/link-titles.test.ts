/** Every self-help link the bot can show has a Traditional Chinese title for zh-TW replies. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parse } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { localizeLink } from '../../src/conversation/link-titles.zh-TW.js';
import { SERVICE_HEALTH_LINK } from '../../src/conversation/triage-reply.js';

const INTENTS = new URL('../../intents', import.meta.url).pathname;
const HAN = /\p{Script=Han}/u;

/** Every `{ title, url }` pair anywhere in the intent files. */
function intentLinks(): { title: string; url: string }[] {
  const found: { title: string; url: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.title === 'string' && typeof record.url === 'string') found.push({ title: record.title, url: record.url });
      Object.values(record).forEach(walk);
    }
  };
  for (const file of readdirSync(INTENTS).filter((name) => name.endsWith('.yaml'))) walk(parse(readFileSync(join(INTENTS, file), 'utf8')));
  return found;
}

describe('zh-TW link titles', () => {
  it('finds the links it checks', () => {
    expect(intentLinks().length).toBeGreaterThan(50);
  });

  it('every learn.microsoft.com link has a Chinese title and the zh-tw address', () => {
    const links = [...intentLinks(), SERVICE_HEALTH_LINK].filter((link) => link.url.startsWith('https://learn.microsoft.com/en-us/'));
    const untitled = links.map((link) => ({ link, zh: localizeLink(link, 'zh-TW') })).filter(({ zh }) => !HAN.test(zh.title) || !zh.url.includes('/zh-tw/'));
    expect(untitled.map(({ link }) => link.url)).toEqual([]);
  });
});
