/** The support desk's requester-facing strings, by language. */
import type { Lang } from '../../domain/taxonomy.js';
import { deskEn, type DeskStrings } from './en.js';
import { deskZhTW } from './zh-TW.js';

export type { DeskStrings } from './en.js';
export { deskEn } from './en.js';
export { deskZhTW } from './zh-TW.js';

const BY_LANG: Readonly<Record<Lang, DeskStrings>> = { en: deskEn, 'zh-TW': deskZhTW };

export function deskStrings(lang: Lang | undefined): DeskStrings {
  return (lang ? BY_LANG[lang] : undefined) ?? deskEn;
}
