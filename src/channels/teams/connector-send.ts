/**
 * A turn's replies to the Bot Connector as JSON over a keep-alive undici agent, signed by the
 * credentials botbuilder built for the turn.
 *
 * Why not `context.sendActivities` for these: measured under load, botbuilder's send path
 * (the Activity serializer walking its model, a request pipeline assembled per call, its HTTP
 * client) cost about 300 µs of main-thread CPU per reply, more than the rest of a bare echo
 * turn. This sends the same activity (the conversation reference applied as TurnContext does)
 * to the same REST endpoint (replyToActivity, or sendToConversation without a replyToId), with
 * the same Authorization header: `credentials.signRequest` of the turn's ConnectorClient writes
 * it exactly as it would for botbuilder's own request (no header for an unauthenticated local bot).
 *
 * botbuilder still does everything else: receiving and authenticating the activity, invoke
 * responses, proactive messages. It also keeps sending whenever this sender cannot send as it
 * would: the turn expects its replies in the HTTP answer (deliveryMode expectReplies), send
 * middleware is registered, an activity is not a message, or the turn has no ConnectorClient
 * whose credentials can sign.
 */
import { DeliveryModes, TurnContext, type Activity } from 'botbuilder';
import { EnvHttpProxyAgent } from 'undici';
import { postAttempt, type PostAnswer, type PostFailure } from '../../http/post.js';
import { DEFAULT_RETRY_CONFIG, withRetries, type Attempt, type RetryConfig } from '../../http/retry.js';

const TIMEOUT_MS = 15_000;
/** Bot Framework clients name themselves so; the Connector's telemetry groups them by it. */
const USER_AGENT = 'Microsoft-BotFramework/3.1 support-triage-bot (connector-send)';

/** The part of botframework-connector's AppCredentials used here. */
interface RequestSigner {
  signRequest(webResource: { headers: { set(name: string, value: string): void } }): Promise<unknown>;
}

export class ConnectorSendError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'ConnectorSendError';
  }
}

export interface ConnectorSender {
  /** Sends `activities` as replies in the turn's conversation, in order. */
  send(context: TurnContext, activities: readonly Partial<Activity>[]): Promise<void>;
  close(): Promise<void>;
}

function signerOf(context: TurnContext): RequestSigner | undefined {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as { credentials?: Partial<RequestSigner> } | undefined;
  const credentials = client?.credentials;
  return credentials && typeof credentials.signRequest === 'function' ? (credentials as RequestSigner) : undefined;
}

/** Whether botbuilder must send these itself (see the module comment). */
function needsBotbuilder(context: TurnContext, activities: readonly Partial<Activity>[]): boolean {
  if (context.activity.deliveryMode === DeliveryModes.ExpectReplies) return true;
  const handlers = (context as unknown as { _onSendActivities?: unknown[] })._onSendActivities;
  if (!Array.isArray(handlers) || handlers.length > 0) return true;
  return activities.some((a) => (a.type ?? 'message') !== 'message');
}

/** The Connector's URL for one outgoing activity, as the ConnectorClient builds it. */
export function activityUrl(activity: Partial<Activity>): string {
  const base = (activity.serviceUrl ?? '').replace(/\/+$/, '');
  const conversation = encodeURIComponent(activity.conversation?.id ?? '');
  return activity.replyToId
    ? `${base}/v3/conversations/${conversation}/activities/${encodeURIComponent(activity.replyToId)}`
    : `${base}/v3/conversations/${conversation}/activities`;
}

export function createConnectorSender(options: { retryConfig?: RetryConfig; connections?: number } = {}): ConnectorSender {
  const retry = options.retryConfig ?? DEFAULT_RETRY_CONFIG;
  // Sockets per Connector origin. Every reply in flight holds one (the Connector takes 100-300 ms
  // per call, and each waiting turn holds its HTTP request open), so the bound sits far above
  // what one instance serves at once; botbuilder's own client had none. HTTPS_PROXY, HTTP_PROXY
  // and NO_PROXY are honoured, as botbuilder's client honoured them.
  const dispatcher = new EnvHttpProxyAgent({ connections: options.connections ?? 256, keepAliveTimeout: 30_000, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });

  const failure = (reason: PostFailure): ConnectorSendError =>
    'statusCode' in reason
      ? new ConnectorSendError(`Bot Connector answered HTTP ${reason.statusCode}: ${reason.text.slice(0, 200)}`, reason.statusCode)
      : new ConnectorSendError(`Bot Connector unreachable: ${reason.message}`);
  // Any 2xx is delivered; a 4xx will not change if sent again.
  const answer = (reply: PostAnswer): Attempt<void> => (reply.statusCode >= 200 && reply.statusCode < 300 ? { value: undefined } : { fail: failure(reply) });

  return {
    async send(context, activities) {
      if (activities.length === 0) return;
      const signer = signerOf(context);
      if (!signer || needsBotbuilder(context, activities)) {
        await context.sendActivities([...activities]);
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': USER_AGENT };
      await signer.signRequest({ headers: { set: (name, value) => void (headers[name.toLowerCase()] = value) } });
      const reference = TurnContext.getConversationReference(context.activity);
      for (const activity of activities) {
        const outgoing = TurnContext.applyConversationReference({ type: 'message', ...activity }, reference);
        delete outgoing.id;
        const url = activityUrl(outgoing);
        const body = JSON.stringify(outgoing);
        await withRetries(retry, () => postAttempt(dispatcher, url, headers, body, answer, failure));
      }
      context.responded = true;
    },
    close: () => dispatcher.close(),
  };
}
