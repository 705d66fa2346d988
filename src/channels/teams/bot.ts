/**
 * The Teams bot: no ActivityHandler, just one function the adapter calls per activity. It turns
 * the activity into a `Turn`, asks the core, and sends each reply as one Adaptive Card.
 *
 * Replies go out through the connector sender (connector-send.ts), botbuilder's own send path
 * being the costliest part of a turn.
 *
 * `Action.Submit` buttons (what our cards use) arrive as message activities and are answered
 * with new messages. `Action.Execute` (Universal Actions, `adaptiveCard/action` invokes) is also
 * understood: the first reply's card replaces the card that was clicked (the invoke response),
 * and any further replies are posted as new messages.
 */
import { ActivityTypes, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationCore, Reply } from '../../conversation/types.js';
import { activityToTurn } from './activity.js';
import { createConnectorSender, type ConnectorSender } from './connector-send.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type CardRenderer } from './renderer.js';

export const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';

export interface TeamsBotDeps {
  readonly core: ConversationCore;
  readonly renderer: CardRenderer;
  readonly logger?: Logger;
  /** How replies reach the Bot Connector (connector-send.ts); one per bot by default. */
  readonly sender?: ConnectorSender;
}

export type TeamsBotLogic = (context: TurnContext) => Promise<void>;

/** The body of an `adaptiveCard/action` invoke response (Universal Actions). */
export type ExecuteResponseBody =
  | { readonly statusCode: 200; readonly type: typeof ADAPTIVE_CARD_CONTENT_TYPE; readonly value: Record<string, unknown> }
  | { readonly statusCode: 200; readonly type: typeof MESSAGE_RESPONSE_TYPE; readonly value: string };

export function createTeamsBot(deps: TeamsBotDeps): TeamsBotLogic {
  const { core, renderer, logger } = deps;
  const sender = deps.sender ?? createConnectorSender();
  const toActivity = (reply: Reply): Partial<Activity> => MessageFactory.attachment(renderer.attachment(reply));

  return async (context) => {
    const inbound = activityToTurn(context.activity);
    if (!inbound) {
      // An invoke nobody answers gets botbuilder's 501; an invoke this bot does not take
      // (anything but adaptiveCard/action) is the caller's mistake: 400, never a 5xx.
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body: { error: 'unsupported_invoke', name: String(context.activity.name ?? '') } } });
      }
      return;
    }
    const replies = await core.handle(inbound.turn);
    logger?.debug(
      { kind: inbound.kind, conversation: inbound.turn.conversationId, replies: replies.map((r) => r.kind) },
      'teams turn',
    );

    if (inbound.kind === 'execute') {
      const [first, ...rest] = replies;
      const body: ExecuteResponseBody = first
        ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: renderer.render(first) }
        : { statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: '' };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
      await sender.send(context, rest.map(toActivity));
      return;
    }
    await sender.send(context, replies.map(toActivity));
  };
}
