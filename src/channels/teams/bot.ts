/**
 * The Teams bot: no ActivityHandler, just one function the adapter calls per activity. It asks
 * inbound.ts where the activity goes and dispatches it here, in one place: the conversation core
 * (each reply sent as one Adaptive Card through `context.sendActivities`) or the support desk.
 *
 * `Action.Submit` buttons (what our cards use) arrive as message activities and are answered
 * with new messages. `Action.Execute` (Universal Actions, `adaptiveCard/action` invokes) is also
 * understood: the first reply's card replaces the card that was clicked (the invoke response),
 * and any further replies are posted as new messages.
 */
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationCore } from '../../conversation/types.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './card-template.js';
import { inboundOf, type DeskCardAction, type InboundTurn } from './inbound.js';
import type { CardRenderer } from './render.js';

export const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';

/** The support desk's side of the Teams bot (desk.ts). */
export interface TeamsDeskSide {
  /** Sees every activity before it is dispatched (remembers where the support channel is). */
  observe(context: TurnContext): Promise<void>;
  /** Answers a desk card action. */
  act(context: TurnContext, action: DeskCardAction): Promise<void>;
}

export interface TeamsBotDeps {
  readonly core: ConversationCore;
  readonly renderer: CardRenderer;
  readonly logger?: Logger;
  readonly desk?: TeamsDeskSide;
}

export type TeamsBotLogic = (context: TurnContext) => Promise<void>;

/** The body of an `adaptiveCard/action` invoke response (Universal Actions). */
export type ExecuteResponseBody =
  | { readonly statusCode: 200; readonly type: typeof ADAPTIVE_CARD_CONTENT_TYPE; readonly value: Record<string, unknown> }
  | { readonly statusCode: 200; readonly type: typeof MESSAGE_RESPONSE_TYPE; readonly value: string };

/** An invoke nobody answers would get botbuilder's 501; one this bot does not take is the caller's mistake: 400. */
async function refuseInvoke(context: TurnContext): Promise<void> {
  if (context.activity.type !== ActivityTypes.Invoke) return;
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body: { error: 'unsupported_invoke', name: String(context.activity.name ?? '') } } });
}

export function createTeamsBot(deps: TeamsBotDeps): TeamsBotLogic {
  const { core, renderer, logger, desk } = deps;
  const card = (reply: Parameters<CardRenderer['attachment']>[0]) => MessageFactory.attachment(renderer.attachment(reply));

  const answer = async (context: TurnContext, inbound: InboundTurn): Promise<void> => {
    const replies = await core.handle(inbound.turn);
    if (logger?.isLevelEnabled('debug')) logger.debug({ kind: inbound.kind, conversation: inbound.turn.conversationId, replies: replies.map((r) => r.kind) }, 'teams turn');
    if (inbound.kind !== 'execute') {
      if (replies.length > 0) await context.sendActivities(replies.map(card));
      return;
    }
    const [first, ...rest] = replies;
    const body: ExecuteResponseBody = first
      ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: renderer.render(first) }
      : { statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: '' };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    if (rest.length > 0) await context.sendActivities(rest.map(card));
  };

  return async (context) => {
    await desk?.observe(context);
    const inbound = inboundOf(context.activity, { desk: desk !== undefined });
    if (!inbound) return refuseInvoke(context);
    switch (inbound.to) {
      case 'core':
        return answer(context, inbound);
      case 'desk':
        return desk?.act(context, inbound.action);
    }
  };
}
