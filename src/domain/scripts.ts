/**
 * The writing systems that carry no spaces between words (Chinese, Japanese kana, Korean): the one
 * definition the language choice, the triage text reader and the plan names share.
 */
const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';

/** One character of those scripts. */
export const CJK_CHARACTER = new RegExp(CJK_CLASS, 'u');

/** Every run of such characters in a text, for `String.prototype.match`. */
export const CJK_RUN = new RegExp(`${CJK_CLASS}+`, 'gu');

/** Whether a text holds any Chinese, Japanese or Korean character. */
export function hasCjk(text: string): boolean {
  return CJK_CHARACTER.test(text);
}
