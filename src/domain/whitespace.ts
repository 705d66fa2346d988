/** Whitespace that `\s+ → ' '` would change: a run of two, or anything but a plain space. */
const UNUSUAL_WHITESPACE = /\s\s|[^\S ]/;

/**
 * Every run of whitespace as one plain space. Most messages are single-spaced already, and
 * rebuilding one space by space is the costly part, so such a text is returned as it is.
 */
export function singleSpaced(text: string): string {
  return UNUSUAL_WHITESPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}
