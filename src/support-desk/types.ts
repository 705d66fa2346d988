/**
 * The support desk's channel-neutral data: what engineers do to a case (verbs), the case card the
 * support channel shows, the notices the requester gets, and the `Notifier` each channel
 * implements to deliver them. Like the conversation core's types, nothing here imports botbuilder
 * or Bolt; these are kept apart from the core's `Reply` union on purpose, so the requester-facing
 * renderers do not have to learn about engineer cards.
 */
import type { Severity } from '../domain/severity.js';
import type { Lang } from '../domain/taxonomy.js';

/** What an engineer can do on a case card. */
export const DESK_VERBS = ['claim', 'assign', 'reply', 'askInfo', 'changeSeverity', 'resolve'] as const;
export type DeskVerb = (typeof DESK_VERBS)[number];

/** What a requester can do on a notice: answer the engineer, or reopen a resolved case. */
export const REQUESTER_VERBS = ['answer', 'reopen'] as const;
export type RequesterVerb = (typeof REQUESTER_VERBS)[number];

/**
 * Card buttons carry `desk.<verb>` (Teams `Action.Submit` data.verb, Slack action_id), so a channel
 * can route them to the desk before the conversation core ever sees them.
 */
export const DESK_VERB_PREFIX = 'desk.';

export function deskVerbOf(raw: unknown): DeskVerb | RequesterVerb | undefined {
  if (typeof raw !== 'string' || !raw.startsWith(DESK_VERB_PREFIX)) return undefined;
  const verb = raw.slice(DESK_VERB_PREFIX.length);
  return (DESK_VERBS as readonly string[]).includes(verb) || (REQUESTER_VERBS as readonly string[]).includes(verb)
    ? (verb as DeskVerb | RequesterVerb)
    : undefined;
}

export function isDeskVerb(verb: string): verb is DeskVerb {
  return (DESK_VERBS as readonly string[]).includes(verb);
}

/**
 * Someone acting on a case card, as the channel saw them, and how the channel knows:
 * `teams` (a validated Bot Framework token) and `slack` (a signed request) authenticate the user;
 * `local` (the local /support page) and `emulator` (/api/messages without credentials) do not,
 * so their actors carry the one tenant their door serves and never reach another.
 */
export type DeskActor = DeskPerson & (
  | { readonly via: 'teams' | 'slack' }
  | { readonly via: 'local' | 'emulator'; readonly tenant: string }
);

export interface DeskPerson {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** The channel vouches that this person is a member of the support channel. */
  readonly channelMember?: boolean;
}

/** The data of a card action, after the channel collected the card's inputs. */
export interface DeskActionData {
  readonly tenantId: string;
  readonly number: string;
  /** Reply / ask for information / requester answer / reopen note. */
  readonly message?: string;
  readonly severity?: string;
  /** Why the severity changed. */
  readonly reason?: string;
  /** Assign: the engineer's id or email (or display name) to give the case to. */
  readonly assignee?: string;
}

export interface SeverityOptionView {
  readonly value: Severity;
  readonly title: string;
}

/** How to reach the requester, as stored with the case (plain text; each renderer escapes). */
export interface SupportContactView {
  /** "Email (preferred): megan@contoso.com · Phone: +44 20 7946 0000". */
  readonly reach: string;
  readonly affectedUsers: string;
  /** "English (en)", "Traditional Chinese (zh-TW)". */
  readonly language: string;
  readonly timeZone: string;
}

/** The support channel's case card, display-ready (plain text; each renderer escapes). */
export interface SupportCaseView {
  readonly number: string;
  readonly tenantId: string;
  readonly title: string;
  readonly requester: string;
  readonly contact: SupportContactView;
  readonly category: string;
  readonly severity: Severity;
  readonly severityLabel: string;
  readonly plan: string;
  readonly status: 'open' | 'closed';
  readonly statusLabel: string;
  readonly owner?: string;
  /** "2026-11-25 14:05 (Asia/Taipei)", absent when the plan commits to no response time. */
  readonly respondBy?: string;
  /**
   * Open: "45 min left", "overdue by 1 h 5 min", "no response time committed", "claimed by …".
   * Closed: whether the response time was met ("met (first response after 12 min)", "missed by 20 min").
   */
  readonly timeLeft: string;
  readonly description: string;
  readonly reasons: readonly string[];
  /** The latest thing that happened, one line ("Claimed by Eve Engineer"). */
  readonly lastEvent?: string;
  /** The open Microsoft service health incident the requester saw ("EX123456: Users can't send mail"). */
  readonly serviceIncident?: string;
  readonly canClaim: boolean;
  /** Reply, ask, change severity, resolve, assign: only while open. */
  readonly canAct: boolean;
  readonly severityOptions: readonly SeverityOptionView[];
}

export type RequesterNoticeKind = 'claimed' | 'reply' | 'ask-info' | 'severity-changed' | 'resolved' | 'reopened';

/** What the requester is told in the chat where they opened the case. */
export interface RequesterNotice {
  readonly kind: RequesterNoticeKind;
  readonly tenantId: string;
  readonly number: string;
  readonly title: string;
  readonly text: string;
  /** Offer an answer box (after a reply or a question from the engineer). */
  readonly answerable: boolean;
  /** Offer "Reopen" with a note (after resolve). */
  readonly reopenable: boolean;
  /** The requester's language (the case's contact language) for the notice's headings and labels; English when absent. */
  readonly lang?: Lang;
}

/** A line in the support channel beside the card: an admin's answer, a reminder, a reopen. */
export interface SupportNote {
  readonly tenantId: string;
  readonly number: string;
  readonly text: string;
  readonly level: 'info' | 'reminder' | 'breach';
}

/**
 * One channel's delivery. Each method reports failure by resolving false (and logging); the desk
 * never fails an engineer's action because a notification could not be delivered.
 */
export interface Notifier {
  /** The requester channel ids this notifier can reach (Turn.channel: 'msteams', 'slack', ...). */
  readonly channels: readonly string[];
  /** Whether a support channel is configured (and known) here, so cards and notes are posted. */
  hasSupportChannel(): Promise<boolean>;
  /** Posts the case card, or updates in place the message posted for this case before. */
  showCase(view: SupportCaseView): Promise<boolean>;
  note(note: SupportNote): Promise<boolean>;
  /** A proactive message to the requester through the stored conversation reference. */
  notifyRequester(reference: unknown, notice: RequesterNotice): Promise<boolean>;
  /**
   * Whether this notifier can deliver to that reference. Notifiers sharing a channel id (the local
   * web chat and the Bot Framework both serve "webchat") are told apart by it: one that says true
   * is preferred over one that does not say.
   */
  reaches?(reference: unknown): boolean;
}

export type DeskFailure = 'not-engineer' | 'not-requester' | 'not-found' | 'already-claimed' | 'closed' | 'open' | 'invalid' | 'reopen-expired' | 'no-reason';

export type DeskOutcome =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly reason: DeskFailure; readonly message: string };
