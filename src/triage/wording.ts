/**
 * Reasons quote the admin's own words: a cue matched on the normalized text ("can not send") is
 * looked up in the message as typed ("can't send"), so the card says what the admin wrote.
 * Cheap on purpose (it runs for every triaged message): a plain search first, a cached regex
 * only for the few cues whose typed form may differ.
 */

const NOT_CONTRACTIONS: Readonly<Record<string, string>> = {
  can: "can(?:\\s*not|['’]?t)",
  will: "(?:will\\s+not|won['’]?t)",
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The cue's words as they may have been typed: contractions, hyphens, apostrophes between words. */
function typedForm(cue: string): RegExp | undefined {
  const words = cue.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 12) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (words[i + 1] === 'not') {
      parts.push(NOT_CONTRACTIONS[word] ?? `${escapeRegex(word)}(?:\\s+not|n['’]?t)`);
      i++;
      continue;
    }
    parts.push(escapeRegex(word));
  }
  return new RegExp(parts.join("[\\s\\-'’]+"), 'i');
}

const patterns = new Map<string, RegExp | undefined>();
const PATTERN_CACHE_LIMIT = 10_000;

function patternFor(cue: string): RegExp | undefined {
  if (patterns.has(cue)) return patterns.get(cue);
  const pattern = typedForm(cue);
  if (patterns.size < PATTERN_CACHE_LIMIT) patterns.set(cue, pattern);
  return pattern;
}

/** A function from a cue to the same words as the message has them (the cue itself when not found). */
export function typedWording(message: string): (cue: string) => string {
  let lower: string | undefined;
  return (cue) => {
    lower ??= message.toLowerCase();
    const at = lower.indexOf(cue);
    if (at >= 0) return message.slice(at, at + cue.length);
    const found = patternFor(cue)?.exec(message);
    return found ? found[0] : cue;
  };
}
