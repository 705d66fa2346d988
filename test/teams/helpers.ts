/**
 * Test scaffolding for the Teams channel over real HTTP: a fake Bot Connector (the service Teams
 * bots post replies to) on 127.0.0.1, activities shaped as Teams sends them, and a poster.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  readonly replyToId?: string;
  readonly activity: Record<string, unknown>;
  readonly authorization?: string;
  readonly userAgent?: string;
}

export interface FakeConnector {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** The next call gets this status (and headers) instead of 200; for retries and failures. */
  answerNext(status: number, headers?: Record<string, string>): void;
  /** Resolves once at least `count` calls have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const canned: { status: number; headers?: Record<string, string> }[] = [];
  let nextId = 1;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    // POST: new activities and replies; PUT: updateActivity (a card updated in place).
    if ((req.method !== 'POST' && req.method !== 'PUT') || !match) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    const call: ConnectorCall = {
      method: req.method ?? 'POST',
      path: req.url ?? '',
      conversationId: decodeURIComponent(match[1] ?? ''),
      ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
      activity: body ? (JSON.parse(body) as Record<string, unknown>) : {},
      ...(typeof req.headers.authorization === 'string' ? { authorization: req.headers.authorization } : {}),
      ...(typeof req.headers['user-agent'] === 'string' ? { userAgent: req.headers['user-agent'] } : {}),
    };
    calls.push(call);
    for (const waiter of [...waiters]) {
      if (calls.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    const answer = canned.shift();
    if (answer) {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify({ error: { code: 'Canned', message: `HTTP ${answer.status}` } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${nextId++}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    answerNext: (status, headers) => void canned.push({ status, ...(headers ? { headers } : {}) }),
    waitFor(count, timeoutMs = 5_000) {
      if (calls.length >= count) return Promise.resolve(calls.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`connector got ${calls.length} calls, wanted ${count}`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(calls.slice());
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:bot-app-id', name: 'Triage Bot' };
export const ALEX = { id: '29:alex-teams-id', name: 'Alex Admin', aadObjectId: 'aad-alex' };
export const SAM = { id: '29:sam-teams-id', name: 'Sam User', aadObjectId: 'aad-sam' };

let activityCounter = 0;

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly conversationId?: string;
  readonly conversationType?: 'personal' | 'channel' | 'groupChat';
  readonly from?: { id: string; name: string; aadObjectId?: string };
  readonly text?: string;
  readonly value?: Record<string, unknown>;
  readonly entities?: unknown[];
  readonly locale?: string;
  readonly localTimezone?: string;
}

/** A message activity as Teams posts it to the bot's messaging endpoint. */
export function teamsMessage(options: ActivityOptions): Record<string, unknown> {
  activityCounter += 1;
  const conversationId = options.conversationId ?? 'a:personal-chat-alex';
  return {
    type: 'message',
    id: `1700000000${String(activityCounter).padStart(3, '0')}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: options.from ?? ALEX,
    conversation: {
      id: conversationId,
      conversationType: options.conversationType ?? 'personal',
      tenantId: TENANT,
      ...(options.conversationType === 'channel' ? { isGroup: true } : {}),
    },
    recipient: BOT,
    locale: options.locale ?? 'en-US',
    localTimezone: options.localTimezone ?? 'Asia/Taipei',
    channelData: { tenant: { id: TENANT } },
    ...(options.text !== undefined ? { text: options.text, textFormat: 'plain' } : {}),
    ...(options.value ? { value: options.value } : {}),
    entities: options.entities ?? [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Asia/Taipei' }],
  };
}

/** The bot added to a team: Teams' conversationUpdate naming the team's channel (where the desk posts cards). */
export function botAddedToTeam(serviceUrl: string, channel: string): Record<string, unknown> {
  const { text: _text, ...message } = teamsMessage({ serviceUrl, conversationId: channel, conversationType: 'channel' });
  return {
    ...message,
    type: 'conversationUpdate',
    membersAdded: [BOT],
    channelData: { tenant: { id: TENANT }, team: { id: channel }, channel: { id: channel }, eventType: 'teamMemberAdded' },
  };
}

export async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return readAnswer(response);
}

/** An HTTP answer as its status, its text, and its JSON when the text is JSON. */
export async function readAnswer(response: Response): Promise<{ status: number; json: any; text: string }> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/** The Adaptive Card of a posted reply (fails loudly when the reply is not one card). */
export function cardOf(call: ConnectorCall | undefined): Record<string, unknown> {
  const attachments = call?.activity.attachments;
  if (!Array.isArray(attachments) || attachments.length !== 1) throw new Error(`expected one attachment, got ${JSON.stringify(call?.activity)}`);
  const attachment = attachments[0] as { contentType: string; content: Record<string, unknown> };
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error(`not an Adaptive Card: ${attachment.contentType}`);
  return attachment.content;
}

/** Every string in a card, joined: good enough to assert on what the user sees. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

/** Every Action.Submit in a card (body ActionSets and card actions), with its data. */
export function submitActions(card: unknown): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'Action.Submit') found.push({ title: String(record.title), data: (record.data ?? {}) as Record<string, unknown> });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Input elements of a card by id, with their prefilled values. */
export function inputs(card: unknown): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string') found.set(record.id, record);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}
