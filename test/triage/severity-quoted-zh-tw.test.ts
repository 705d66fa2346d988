import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { findPasted } from '../../src/triage/quoted.js';
import { analyze } from '../../src/triage/text.js';

/**
 * A zh-TW quote after an error word (錯誤, 訊息, 顯示, 跳出 ...) is what software printed, as an
 * English one after "error" is: it says what failed, never who is affected. A quote after a
 * person's words (寫, 說) is still someone's words passed on. Written for this test.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

/** Each pasted stretch of a message as "kind:text" (normalized). */
function pasted(message: string): string[] {
  const { normalized } = analyze(message);
  return findPasted(normalized).map((span) => `${span.kind}:${normalized.slice(span.from, span.to)}`);
}

describe('a zh-TW quote after an error word is software output', () => {
  it.each([
    ['錯誤', '開啟共用信箱時跳出錯誤「所有使用者的權限都無法讀取」', 'output:「所有使用者的權限都無法讀取」'],
    ['錯誤訊息, a few characters before', '我的 Outlook 開啟時出現錯誤訊息「無法為所有使用者載入資料」', 'output:「無法為所有使用者載入資料」'],
    ['顯示', 'Teams 顯示「請聯絡您的系統管理員」', 'output:「請聯絡您的系統管理員」'],
    ['回傳', '同步工具回傳「全部使用者同步失敗」', 'output:「全部使用者同步失敗」'],
  ])('%s', (_word, message, expected) => {
    expect(pasted(message)).toEqual([expected]);
  });

  it('does not reach back past a sentence end to an error word', () => {
    expect(pasted('昨天的錯誤已經修好了。主管在工單裡寫「全公司都無法登入」')).toEqual(['speech:「全公司都無法登入」']);
  });
});

describe('a zh-TW quote after a person\'s words is someone\'s words', () => {
  it.each([
    ['寫', '主管在工單裡寫「全公司都無法登入 Outlook」', 'speech:「全公司都無法登入 outlook」'],
    ['說', '使用者說「請幫我重設密碼」', 'speech:「請幫我重設密碼」'],
  ])('%s', (_word, message, expected) => {
    expect(pasted(message)).toEqual([expected]);
  });
});

describe('who is affected is read from people\'s words, not from the product\'s', () => {
  it('does not read "all users" inside an error as everyone cut off (B, not A)', () => {
    expect(engine.triage('開啟共用信箱時跳出錯誤「所有使用者的權限都無法讀取」').severity).toBe('B');
  });

  it('still reads "the whole company" passed on from a ticket as everyone (A)', () => {
    expect(engine.triage('主管在工單裡寫「全公司都無法登入 Outlook」').severity).toBe('A');
  });
});
