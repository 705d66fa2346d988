/**
 * What the local chat needs from the support desk for its `/support` page, without importing
 * the desk: src/support-desk/local.ts implements it, src/main.ts passes it to createLocalChat.
 */
import type { TeamsBotLogic } from '../teams/index.js';
import type { ChatConversation } from './conversations.js';

export interface LocalSupportHooks {
  /** Puts desk.* card actions (engineers' buttons, requesters' answers and reopens) in front of the bot. */
  wrap(bot: TeamsBotLogic): TeamsBotLogic;
  /** A `/support` conversation (the local engineer) started: greet it and show the open cases. Never throws. */
  supportStarted(conversation: ChatConversation): Promise<void>;
}
