/** Which language to answer in: CJK in the message or a zh locale means zh-TW, else English. */
import type { Lang } from '../domain/taxonomy.js';

import { hasCjk } from '../domain/scripts.js';

function fromLocale(locale: string | undefined): Lang | undefined {
  return locale && /^zh/i.test(locale) ? 'zh-TW' : undefined;
}

/** For typed text: the text decides, then the locale, then English. */
export function languageOfMessage(text: string, locale: string | undefined): Lang {
  if (hasCjk(text)) return 'zh-TW';
  return fromLocale(locale) ?? 'en';
}

/** For card actions (no text): the conversation's remembered language, then the locale. */
export function languageOfAction(remembered: Lang | undefined, locale: string | undefined): Lang {
  return remembered ?? fromLocale(locale) ?? 'en';
}
