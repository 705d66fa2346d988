/** The fixed words of the Teams cards, from the one place each language's strings live. */
import { SEVERITY_DEFINITIONS, type Severity } from '../../domain/severity.js';
import type { Lang } from '../../domain/taxonomy.js';
import { channelLabels, type ChannelLabels } from '../../conversation/strings/index.js';

export type CardLabels = ChannelLabels & { readonly contactChat: string };

function cardLabels(lang: Lang): CardLabels {
  const labels = channelLabels(lang);
  return { ...labels, timeZone: `${labels.timeZone} (${labels.timeZoneHint})`, contactChat: labels.contactChatTeams };
}

export const CARD_LABELS: Readonly<Record<Lang, CardLabels>> = { en: cardLabels('en'), 'zh-TW': cardLabels('zh-TW') };

export function severityLabel(severity: Severity, lang: Lang): string {
  return SEVERITY_DEFINITIONS[severity].label[lang];
}
