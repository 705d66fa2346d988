/** The strings of one language. */
import type { Lang } from '../../domain/taxonomy.js';
import { en, enLabels, type ChannelLabels, type Strings } from './en.js';
import { zhTW, zhTWLabels } from './zh-TW.js';

export type { ChannelLabels, Strings } from './en.js';

const BY_LANG: Readonly<Record<Lang, Strings>> = { en, 'zh-TW': zhTW };

export function strings(lang: Lang): Strings {
  return BY_LANG[lang];
}

const LABELS_BY_LANG: Readonly<Record<Lang, ChannelLabels>> = { en: enLabels, 'zh-TW': zhTWLabels };

/** The labels of cards, forms and home tabs, shared by every channel. */
export function channelLabels(lang: Lang): ChannelLabels {
  return LABELS_BY_LANG[lang] ?? LABELS_BY_LANG.en;
}
