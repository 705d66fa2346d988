/**
 * Adaptive Card TextBlocks (and FactSet values) render a Markdown subset: `*bold*`, `_italic_`,
 * `[links](url)`, `- lists`, `1. lists`, and some hosts more (`# headings`, `> quotes`,
 * `~strike~`, `` `code` ``). Text a user typed must show as typed, so every Markdown character
 * is backslash-escaped (CommonMark escapes, which the Teams desktop, web and mobile renderers
 * honour). Input values (`Input.Text.value`) are not Markdown and must never be escaped.
 */

const INLINE = /[\\*_[\]()#>~`]/g;
/**
 * List markers at the start of a line: "- x", "+ x", "12. x". ("* x" and "3) x" are already
 * covered by the inline characters.)
 */
const LEADING_BULLET = /^(\s*)([-+])/gm;
const LEADING_NUMBER = /^(\s*)(\d+)\./gm;

/** Whether any of the three replacements below would change the text (most card texts need none). */
const NEEDS_ESCAPING = new RegExp([INLINE, LEADING_BULLET, LEADING_NUMBER].map((pattern) => pattern.source).join('|'), 'm');

export function escapeCardMarkdown(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(INLINE, '\\$&').replace(LEADING_BULLET, '$1\\$2').replace(LEADING_NUMBER, '$1$2\\.');
}

/**
 * Escapes user text and keeps its line breaks: Markdown joins single newlines into one
 * paragraph, so each line break becomes a paragraph break.
 */
export function plainTextToCard(text: string): string {
  const escaped = escapeCardMarkdown(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
  // Most texts are one line: nothing to split, join or collapse.
  if (!escaped.includes('\n')) return escaped.trimEnd();
  return escaped
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** A Markdown link whose label is escaped and whose URL cannot break out of the parentheses. */
export function markdownLink(title: string, url: string): string {
  const safeUrl = url.replace(/[()\s<>]/g, (ch) => encodeURIComponent(ch).replace('(', '%28').replace(')', '%29'));
  return `[${escapeCardMarkdown(title)}](${safeUrl})`;
}

/** One line of card text: line breaks folded into spaces, then escaped (for facts and titles). */
export function inlineCardText(value: string): string {
  return escapeCardMarkdown(value.includes('\n') ? value.replace(/\s*\r?\n\s*/g, ' ') : value);
}
