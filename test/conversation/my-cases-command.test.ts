/** Typing `my cases` with a page, a severity or "closed", in English and Traditional Chinese. */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/conversation/commands.js';

describe('my cases options', () => {
  it.each([
    ['my cases', { page: 1, closedOnly: false }],
    ['My cases page 2', { page: 2, closedOnly: false }],
    ['my cases sev A', { page: 1, severity: 'A', closedOnly: false }],
    ['my cases closed page 3', { page: 3, closedOnly: true }],
    ['cases severity c, closed', { page: 1, severity: 'C', closedOnly: true }],
    ['我的案件', { page: 1, closedOnly: false }],
    ['我的案件 第 2 頁', { page: 2, closedOnly: false }],
    ['我的案件 嚴重性 A', { page: 1, severity: 'A', closedOnly: false }],
    ['我的案件 已關閉', { page: 1, closedOnly: true }],
    // Typed with a tab, a line break or runs of spaces (a paste, a phone keyboard).
    ['my\tcases  page\n2', { page: 2, closedOnly: false }],
    ['  my cases\u00a0closed  ', { page: 1, closedOnly: true }],
  ])('%s', (text, filter) => {
    expect(parseCommand(text)).toEqual({ kind: 'myCases', filter });
  });

  it('leaves a complaint that starts like the command a complaint', () => {
    expect(parseCommand('my case is about outlook not syncing')).toBeUndefined();
    expect(parseCommand('my cases page 0')).toBeUndefined();
    expect(parseCommand('my cases sev Z')).toBeUndefined();
  });
});
