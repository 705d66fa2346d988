/**
 * "Thanks!" is a courtesy, not a reason to reopen a case: shared by the support desk's Reopen
 * button and the core's `reopen SR-…` command.
 */
const THANKS_WORDS = new Set([
  'thanks', 'thank', 'you', 'thx', 'ty', 'tks', 'cheers', 'ok', 'okay', 'great', 'perfect', 'awesome', 'much', 'many', 'so', 'very', 'a', 'lot',
  'all', 'good', 'now', 'works', 'it', 'again', 'appreciated', 'appreciate', 'that', 'nice', 'cool', 'fixed', 'solved',
]);

/** "Thanks!", "ok thank you so much", "謝謝": a courtesy, not a reason to reopen. */
export function isOnlyThanks(text: string): boolean {
  const cjk = text.replace(/[\s\p{P}\p{S}]/gu, '');
  if (/^(謝謝|感謝|多謝|谢谢|感恩|好的|了解)+(你|您|妳)?(了|囉|喔|啦)?$/u.test(cjk)) return true;
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  return words.every((w) => THANKS_WORDS.has(w.replace(/'s$/, ''))) && words.some((w) => /^(thanks|thank|thx|ty|tks|cheers|appreciated?)$/.test(w));
}
