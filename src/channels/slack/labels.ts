/** The fixed words of the Slack messages, modal and App Home, from the one place each language's strings live. */
import type { Lang } from '../../domain/taxonomy.js';
import { channelLabels, type ChannelLabels } from '../../conversation/strings/index.js';

export type SlackLabels = ChannelLabels & { readonly contactChat: string };

const SLACK_LABELS: Readonly<Record<Lang, SlackLabels>> = {
  en: { ...channelLabels('en'), contactChat: channelLabels('en').contactChatSlack },
  'zh-TW': { ...channelLabels('zh-TW'), contactChat: channelLabels('zh-TW').contactChatSlack },
};

export function labelsFor(lang: Lang): SlackLabels {
  return SLACK_LABELS[lang] ?? SLACK_LABELS.en;
}
