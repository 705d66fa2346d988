import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * The round-6 severity readers in zh-TW: not finding how or where is a how-to, a process that
 * did not happen is a fault, a restriction that does not hold is B. The category is given where
 * placing the message is the category layers' job. Every message here was written for this test.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function severityOf(text: string, category: Parameters<TriageEngine['triage']>[1] = {}): string | null {
  return engine.triage(text, category).severity;
}

describe('not finding how or where is a how-to (rule 1)', () => {
  it.each([
    ['找不到在哪裡', '我找不到在哪裡設定共用信箱的權限，請問在哪裡？'],
    ['找不到方法, 教我', '我一直找不到方法把行事曆分享給外部人員，可以教我嗎？'],
  ])('%s: C', (_form, text) => {
    expect(severityOf(text, { category: 'exchange.recipients' })).toBe('C');
  });

  it('找不到 a mailbox that should be there is still a fault', () => {
    expect(severityOf('Outlook 找不到我的信箱，一直跳出錯誤。', { category: 'exchange.usage' })).toBe('B');
  });
});

describe('a process that did not happen, after it used to, is a fault (rule 3)', () => {
  it('沒有自動產生, 之前都可以', () => {
    expect(severityOf('Teams 會議連結沒有自動產生，之前都可以。', { category: 'skype.communication' })).toBe('B');
  });
});

describe('a restriction that does not hold is B however many users (rule 3)', () => {
  it('停用 ... 還是可以', () => {
    expect(severityOf('我已經停用了外部共用，但所有使用者還是可以分享檔案給外部的人。', { category: 'sharepoint.external' })).toBe('B');
  });
});
