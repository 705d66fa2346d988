/**
 * The channel-neutral contract between channels (Teams, Slack, local web chat, terminal) and
 * the conversation core. A channel turns what it received into a `Turn`; the core answers with
 * `Reply` values, plain data that every renderer must handle (the union is exhaustive on `kind`).
 * This module imports neither botbuilder nor Bolt, and must never.
 */
import type { CategoryId, Lang, SupportKind } from '../domain/taxonomy.js';
import type { Severity } from '../domain/severity.js';
import type { PlanFamily } from '../domain/plans.js';
import type { SelfServiceLink, MissingDetail } from '../triage/engine.js';

export type ChannelId = 'msteams' | 'slack' | 'webchat' | 'terminal' | 'emulator' | (string & {});

export interface TurnUser {
  /** The channel's own user id (Teams AAD object id or channel id, Slack user id, ...). */
  readonly id: string;
  readonly name: string;
  /** Email or UPN when the channel gives it; ADMIN_USERS may list these. */
  readonly email?: string;
  /** IANA time zone when the channel gives it (Teams `localTimezone`, Slack `tz`). */
  readonly timeZone?: string;
  /** Client locale ("zh-TW", "en-US") when the channel gives it. */
  readonly locale?: string;
  /** The channel already knows this user is an admin (Slack workspace admins and owners). */
  readonly channelAdmin?: boolean;
  /** The user's Entra object id, when the channel authenticated it (Teams `from.aadObjectId`). */
  readonly entraObjectId?: string;
  /** An e-mail the channel itself verified (Slack: a confirmed profile e-mail); Microsoft Graph matches it. */
  readonly verifiedEmail?: string;
}

/**
 * A card button or form submit: a verb the core knows, with its data. A verb this version does
 * not know (a card posted by an older version, a forged submit) arrives as `unknown` and is
 * answered "that card has expired"; build actions with `turnAction`.
 */
export interface TurnAction {
  readonly verb: ActionVerb | typeof UNKNOWN_VERB;
  readonly data: Readonly<Record<string, unknown>>;
}

export const UNKNOWN_VERB = 'unknown';

export function isActionVerb(verb: unknown): verb is ActionVerb {
  return typeof verb === 'string' && (ACTION_VERBS as readonly string[]).includes(verb);
}

/** The action a channel hands the core for a verb read off the wire. */
export function turnAction(verb: unknown, data: Readonly<Record<string, unknown>>): TurnAction {
  return { verb: isActionVerb(verb) ? verb : UNKNOWN_VERB, data };
}

export interface Turn {
  readonly channel: ChannelId;
  readonly tenantId: string;
  /** Identifies the conversation (chat, thread, DM) so state is kept per conversation. */
  readonly conversationId: string;
  readonly user: TurnUser;
  /** Either the text the user typed or the card action they took. */
  readonly text?: string;
  readonly action?: TurnAction;
  /**
   * Opaque data a channel needs to message this conversation later (Bot Framework
   * ConversationReference, Slack channel + thread). Stored with a case as given.
   */
  readonly conversationReference?: unknown;
  /** A channel-level id for the delivery, so a retried delivery is answered once. */
  readonly deliveryId?: string;
  /** The channel greeting a new conversation (the bot was added), not something the user sent. */
  readonly greeting?: boolean;
  /**
   * Whose per-minute budget the turn spends: the user's (default) or, where the channel cannot
   * tell its users apart (the local chat's pages are all `local-admin`), each conversation's.
   */
  readonly turnLimitPer?: 'user' | 'conversation';
}

/** Verbs the core understands on card buttons and form submits. */
export const ACTION_VERBS = [
  'openCase',
  'submitCase',
  'notQuite',
  'pickCategory',
  'solved',
  'answerClarification',
  'choosePlan',
  'officeProblemAfterAll',
  'showCase',
  'closeCase',
  'reopenCase',
  'myCases',
  'help',
  'newProblemInstead',
] as const;
export type ActionVerb = (typeof ACTION_VERBS)[number];

export interface ActionButton {
  readonly verb: ActionVerb;
  readonly title: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly style?: 'primary' | 'default' | 'destructive';
}

export interface ResponseExpectationView {
  readonly family: PlanFamily;
  readonly planName: string;
  readonly severity: Severity;
  /** e.g. "Enterprise · Sev A: 24/7, initial response within one hour; ... by 14:05 your time" */
  readonly summary: string;
  readonly respondBy?: string;
}

/** "Is it Microsoft?": what the tenant's service health said for the triaged service. */
export interface ServiceHealthView {
  /** One line: the incident, or that service health was checked and shows none. */
  readonly headline: string;
  readonly incident?: {
    readonly id: string;
    readonly title: string;
    readonly status: string;
    /** The last update, in the admin's zone. */
    readonly lastUpdate: string;
    readonly url: string;
    /** "Open service health" in the reply's language. */
    readonly linkTitle: string;
  };
}

export interface TriageReply {
  readonly kind: 'triage';
  readonly lang: Lang;
  readonly message: string;
  readonly support: SupportKind;
  readonly category: CategoryId;
  readonly categoryName: string;
  readonly severity: Severity | null;
  readonly severityLabel?: string;
  readonly reasons: readonly string[];
  readonly links: readonly SelfServiceLink[];
  readonly expectation?: ResponseExpectationView;
  /** Boundary, redirect, billing hours: what the admin should know in plain words. */
  readonly notice?: string;
  /** Where the plan came from when Microsoft Graph gave it ("Plan: Office 365 E3, from your subscriptions"). */
  readonly planSource?: string;
  /** Shown first when present: an open Microsoft incident for this service, or that none is open. */
  readonly serviceHealth?: ServiceHealthView;
  readonly actions: readonly ActionButton[];
}

export interface ChoiceOption {
  readonly value: string;
  readonly title: string;
}

export interface QuestionReply {
  readonly kind: 'question';
  readonly lang: Lang;
  readonly question: string;
  /** What the answer fills in: which service, how many users, or the right category. */
  readonly field: MissingDetail | 'category' | 'answer';
  readonly options: readonly ChoiceOption[];
  /** The verb a choice is sent back with. */
  readonly verb: ActionVerb;
}

export interface PlanQuestionReply {
  readonly kind: 'plan-question';
  readonly lang: Lang;
  readonly question: string;
  readonly options: readonly ChoiceOption[];
}

export interface CaseFormValues {
  readonly title: string;
  readonly description: string;
  readonly category: CategoryId;
  readonly severity: Severity;
  readonly affectedUsers: string;
  readonly contactMethod: 'email' | 'phone' | 'chat';
  readonly email: string;
  readonly phone: string;
  readonly language: Lang;
  readonly timeZone: string;
}

export interface CaseFormReply {
  readonly kind: 'case-form';
  readonly lang: Lang;
  readonly values: CaseFormValues;
  /** Only elevated plans may set their own severity; others see it read-only. */
  readonly severityEditable: boolean;
  readonly categoryOptions: readonly ChoiceOption[];
  readonly severityOptions: readonly ChoiceOption[];
  /** Field name → message, shown next to the field. Empty on a fresh form. */
  readonly errors: Readonly<Partial<Record<keyof CaseFormValues | 'form', string>>>;
  /** Idempotency token: submitting the same form twice creates one case. */
  readonly formId: string;
  readonly note?: string;
}

export interface CaseSummaryView {
  readonly number: string;
  readonly title: string;
  readonly status: 'open' | 'closed';
  readonly severity: Severity;
  readonly categoryName: string;
  readonly createdAt: string;
  readonly closedAt?: string;
  readonly respondBy?: string;
  readonly owner?: string;
  readonly lastUpdate?: string;
}

export interface CaseCreatedReply {
  readonly kind: 'case-created';
  readonly lang: Lang;
  readonly case: CaseSummaryView;
  readonly expectation?: ResponseExpectationView;
  readonly nextSteps: string;
}

export interface CaseListReply {
  readonly kind: 'case-list';
  readonly lang: Lang;
  readonly title: string;
  readonly cases: readonly CaseSummaryView[];
  readonly empty: string;
  /** "and N more: `my cases page 2`" when the list was cut to a page. */
  readonly more?: string;
}

export interface CaseDetailReply {
  readonly kind: 'case-detail';
  readonly lang: Lang;
  readonly case: CaseSummaryView & { readonly description: string; readonly history: readonly string[] };
  readonly actions: readonly ActionButton[];
}

export interface TextReply {
  readonly kind: 'text';
  readonly lang: Lang;
  readonly text: string;
  readonly tone?: 'info' | 'warning' | 'error';
  /** A page the user opens from the message (a button in Teams and Slack, a line in the terminal). */
  readonly link?: { readonly title: string; readonly url: string };
}

export interface WelcomeReply {
  readonly kind: 'welcome';
  readonly lang: Lang;
  readonly title: string;
  readonly text: string;
  /** Words before each example in plain text ("e.g.", "例如"). */
  readonly exampleLead: string;
  readonly examples: readonly string[];
  readonly commands: readonly { readonly command: string; readonly description: string }[];
}

export type Reply =
  | TriageReply
  | QuestionReply
  | PlanQuestionReply
  | CaseFormReply
  | CaseCreatedReply
  | CaseListReply
  | CaseDetailReply
  | TextReply
  | WelcomeReply;

export type ReplyKind = Reply['kind'];

/** Use in renderers' `default:` branch: adding a reply kind then fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled reply kind: ${JSON.stringify(value)}`);
}

/** What every channel calls. Implemented by `createConversationCore` in `core.ts`. */
export interface ConversationCore {
  handle(turn: Turn): Promise<Reply[]>;
}
