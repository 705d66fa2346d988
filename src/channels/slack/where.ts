/**
 * Where in Slack a conversation happens and where its answers go. The conversation id given to
 * the core is derived from it, so a button pressed under an answer, or a modal opened from it,
 * continues the same conversation state.
 */
import { z } from 'zod';

export type SlackWhere =
  /** A direct message with the bot (the App Home "Messages" tab). */
  | { readonly kind: 'im'; readonly channel: string }
  /** A thread in a channel, started by an @mention. */
  | { readonly kind: 'thread'; readonly channel: string; readonly threadTs: string }
  /** `/support` answers, seen only by the user who asked. */
  | { readonly kind: 'ephemeral'; readonly channel: string; readonly user: string; readonly responseUrl?: string }
  /** A button on the App Home tab: answers go to the user's DM with the bot. */
  | { readonly kind: 'home'; readonly user: string };

const whereSchema = z.union([
  z.object({ kind: z.literal('im'), channel: z.string().min(1) }),
  z.object({ kind: z.literal('thread'), channel: z.string().min(1), threadTs: z.string().min(1) }),
  z.object({ kind: z.literal('ephemeral'), channel: z.string().min(1), user: z.string().min(1), responseUrl: z.string().url().optional() }),
  z.object({ kind: z.literal('home'), user: z.string().min(1) }),
]);

export function conversationIdOf(where: SlackWhere): string {
  switch (where.kind) {
    case 'im':
      return where.channel;
    case 'thread':
      return `${where.channel}:${where.threadTs}`;
    case 'ephemeral':
      return `${where.channel}:user:${where.user}`;
    case 'home':
      return `home:${where.user}`;
  }
}

/** What is stored with a case (Turn.conversationReference): no short-lived response_url. */
export function lasting(where: SlackWhere): SlackWhere {
  if (where.kind !== 'ephemeral' || where.responseUrl === undefined) return where;
  return { kind: 'ephemeral', channel: where.channel, user: where.user };
}

/** Modal private_metadata: the form id and where to post the confirmation (Slack allows 3000 chars). */
export interface ModalMetadata {
  readonly formId: string;
  readonly where: SlackWhere;
}

export const PRIVATE_METADATA_MAX = 3000;

export function encodeModalMetadata(meta: ModalMetadata): string {
  const full = JSON.stringify({ f: meta.formId, w: meta.where });
  return full.length <= PRIVATE_METADATA_MAX ? full : JSON.stringify({ f: meta.formId, w: lasting(meta.where) });
}

export function decodeModalMetadata(raw: string | undefined): ModalMetadata | undefined {
  if (!raw) return undefined;
  try {
    const parsed = z.object({ f: z.string().min(1), w: whereSchema }).safeParse(JSON.parse(raw));
    return parsed.success ? { formId: parsed.data.f, where: parsed.data.w as SlackWhere } : undefined;
  } catch {
    return undefined;
  }
}

/** Slack DM channel ids start with D. */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}
