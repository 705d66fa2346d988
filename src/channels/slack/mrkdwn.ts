/**
 * Slack's mrkdwn treats `<...>` as control sequences (`<!channel>`, `<@U123>`, `<http://x|label>`)
 * and `&` as the start of an entity. Everything a user typed, or the core said, is escaped before
 * it goes into a `mrkdwn` text object or a message's `text`, so it is shown, never interpreted.
 */

const MRKDWN_SPECIAL = /[&<>]/;
const MRKDWN_SPECIALS = /[&<>]/g;
const MRKDWN_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes `&`, `<` and `>` as Slack asks (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  // Most texts have none of the three: one scan, and the same string back without a copy.
  return MRKDWN_SPECIAL.test(text) ? text.replace(MRKDWN_SPECIALS, (c) => MRKDWN_ENTITY[c]!) : text;
}

/** Cuts a string to at most `max` characters (code points are not split), ending with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Escapes, then clips to `max` without cutting an entity (`&amp;`) in half. */
export function escapeClip(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/**
 * What a user typed in Slack, as plain text for the core: Slack sends `&`, `<` and `>` as
 * entities and wraps mentions and links in `<...>`. Mentions become `@U123`/`@channel`, links
 * their label (or URL), and entities their characters.
 */
export function slackTextToPlain(text: string): string {
  // Most messages are plain words: nothing to convert, no copies.
  if (!text.includes('<') && !text.includes('&')) return text;
  const converted = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return label ? `@${label}` : target;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!')) {
      const name = target.slice(1).split('^')[0] ?? '';
      return label ?? `@${name}`;
    }
    if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
    return label ?? target;
  });
  return converted.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
