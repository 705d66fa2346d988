/** The strings of one language. */
import type { Lang } from '../../domain/taxonomy.js';
import { en, type Strings } from './en.js';
import { zhTW } from './zh-TW.js';

export type { Strings } from './en.js';

const BY_LANG: Readonly<Record<Lang, Strings>> = { en, 'zh-TW': zhTW };

export function strings(lang: Lang): Strings {
  return BY_LANG[lang];
}
