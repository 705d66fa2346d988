/**
 * What the local chat's routes need from its desk side (desk.ts), so the routes and the inbound
 * dispatch do not depend on how the desk shows cards.
 */
import type { TurnContext } from 'botbuilder';
import type { ChatConversation } from './conversations.js';
import type { DeskVerb, RequesterVerb } from '../../support-desk/index.js';

export interface LocalSupportHooks {
  /** A desk button pressed on a local page (engineers' buttons, requesters' answers and reopens). */
  deskAction(context: TurnContext, conversation: ChatConversation, action: LocalDeskAction): Promise<void>;
  /** A `/support` conversation (the local engineer) started: greet it and show the open cases. Never throws. */
  supportStarted(conversation: ChatConversation): Promise<void>;
}

/** A desk button pressed on a local page: an engineer's on a case card, or a requester's on a notice. */
export interface LocalDeskAction {
  readonly verb: DeskVerb | RequesterVerb;
  readonly value: Readonly<Record<string, unknown>>;
}
