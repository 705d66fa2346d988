import { describe, expect, it } from 'vitest';
import { escapeCardMarkdown, inlineCardText, markdownLink, plainTextToCard } from '../../src/channels/teams/markdown.js';

describe('escapeCardMarkdown', () => {
  it.each([
    ['*bold* and _italic_', '\\*bold\\* and \\_italic\\_'],
    ['[click](http://evil.example)', '\\[click\\]\\(http://evil.example\\)'],
    ['# not a heading', '\\# not a heading'],
    ['> not a quote', '\\> not a quote'],
    ['~strike~ `code`', '\\~strike\\~ \\`code\\`'],
    ['C:\\Users\\alex', 'C:\\\\Users\\\\alex'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['12. not a list', '12\\. not a list'],
    ['line one\n- two\n  3. three', 'line one\n\\- two\n  3\\. three'],
    ['version 2.0 - fine', 'version 2.0 - fine'],
    ['plain text, 550 5.7.1', 'plain text, 550 5.7.1'],
    ['商務進階版 無法登入', '商務進階版 無法登入'],
  ])('%j → %j', (input, expected) => {
    expect(escapeCardMarkdown(input)).toBe(expected);
  });

  it('escapes every markdown character of the subset, so nothing is left to interpret', () => {
    const escaped = escapeCardMarkdown('*_[]()#>~`\\');
    expect(escaped).toBe('\\*\\_\\[\\]\\(\\)\\#\\>\\~\\`\\\\');
  });
});

describe('plainTextToCard', () => {
  it('keeps line breaks as paragraph breaks', () => {
    expect(plainTextToCard('first\r\nsecond\n\n\nthird *x*')).toBe('first\n\nsecond\n\nthird \\*x\\*');
  });

  it('drops trailing spaces of a one-line text and of each line, and reads a lone \\r as a line break', () => {
    expect(plainTextToCard('sign-in fails   ')).toBe('sign-in fails');
    expect(plainTextToCard('one  \rtwo\t\n- three')).toBe('one\n\ntwo\n\n\\- three');
  });
});

describe('inlineCardText', () => {
  it('folds line breaks and the spaces around them into one space, then escapes', () => {
    expect(inlineCardText('Mail flow \r\n  - outbound')).toBe('Mail flow - outbound');
    expect(inlineCardText('first line\n2. second')).toBe('first line 2. second');
    expect(inlineCardText('- leading dash')).toBe('\\- leading dash');
  });
});

describe('markdownLink', () => {
  it('escapes the label and keeps the URL inside its parentheses', () => {
    expect(markdownLink('Trace [EAC]', 'https://learn.microsoft.com/a_(b) c')).toBe(
      '[Trace \\[EAC\\]](https://learn.microsoft.com/a_%28b%29%20c)',
    );
  });
});
