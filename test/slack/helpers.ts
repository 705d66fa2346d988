/**
 * Slack over real HTTP, as Slack calls the bot: a fake Slack Web API (and response_url endpoint)
 * on 127.0.0.1, HMAC-signed requests (events as JSON, interactions as form-encoded `payload=`,
 * slash commands as form fields), and the bot's real express server with `mountSlack` on port 0.
 */
import { createHmac } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { mountSlack, type SlackChannel, type SlackChannelDeps } from '../../src/channels/slack/index.js';
import type { ConversationCore } from '../../src/conversation/types.js';
import { createServer, type RunningServer } from '../../src/server/index.js';
import type { CaseStore } from '../../src/store/index.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-token';
export const TEAM = 'T0CONTOSO';

export interface SlackCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly authorization?: string;
}

export interface SlackUserFixture {
  readonly real_name: string;
  readonly tz?: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  readonly email?: string;
  /** Slack's `is_email_confirmed`: the user confirmed the profile e-mail. */
  readonly is_email_confirmed?: boolean;
}

export type CannedAnswer = { status: number; headers?: Record<string, string>; body: Record<string, unknown> };

export interface FakeSlack {
  readonly apiUrl: string;
  readonly url: string;
  readonly calls: SlackCall[];
  readonly users: Map<string, SlackUserFixture>;
  /** conversations.members answers: channel id → member user ids. */
  readonly channelMembers: Map<string, string[]>;
  /** The next call of `method` gets this answer instead of the normal one. */
  answerNext(method: string, answer: CannedAnswer): void;
  of(method: string): SlackCall[];
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<SlackCall[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The WebClient sends form fields with objects as JSON strings; parse those back. */
function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (/^[[{]/.test(value)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // a plain string after all
      }
    }
    args[key] = value;
  }
  return args;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const users = new Map<string, SlackUserFixture>();
  const canned = new Map<string, CannedAnswer[]>();
  const channelMembers = new Map<string, string[]>();
  let ts = 1_700_000_000;
  const server: Server = createHttpServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '';
    const method = path.startsWith('/api/') ? path.slice('/api/'.length).split('?')[0] ?? '' : path.startsWith('/response/') ? 'response_url' : '';
    const args = parseArgs(body, req.headers['content-type']);
    if (method === 'response_url') args.url = path;
    calls.push({ method, args, ...(typeof req.headers.authorization === 'string' ? { authorization: req.headers.authorization } : {}) });
    const next = canned.get(method)?.shift();
    if (next) {
      res.writeHead(next.status, { 'content-type': 'application/json', ...(next.headers ?? {}) }).end(JSON.stringify(next.body));
      return;
    }
    const json = (value: Record<string, unknown>): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    switch (method) {
      case 'auth.test':
        return json({ ok: true, url: 'https://contoso.slack.com/', team: 'Contoso', user: 'triage', team_id: TEAM, user_id: 'UBOT', bot_id: 'BBOT' });
      case 'users.info': {
        const id = String(args.user);
        const u = users.get(id);
        if (!u) return json({ ok: false, error: 'user_not_found' });
        return json({
          ok: true,
          user: { id, name: id.toLowerCase(), real_name: u.real_name, tz: u.tz ?? 'Europe/London', is_admin: u.is_admin ?? false, is_owner: u.is_owner ?? false, is_primary_owner: false, ...(u.is_email_confirmed !== undefined ? { is_email_confirmed: u.is_email_confirmed } : {}), locale: 'en-US', profile: { real_name: u.real_name, ...(u.email ? { email: u.email } : {}) } },
        });
      }
      case 'chat.postMessage':
        ts += 1;
        return json({ ok: true, channel: args.channel, ts: `${ts}.000100`, message: { text: args.text } });
      case 'chat.update':
        return json({ ok: true, channel: args.channel, ts: args.ts });
      case 'conversations.members':
        return json({ ok: true, members: channelMembers.get(String(args.channel)) ?? [], response_metadata: { next_cursor: '' } });
      case 'chat.postEphemeral':
        ts += 1;
        return json({ ok: true, message_ts: `${ts}.000200` });
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return json({ ok: true, view: { id: 'V123', ...(args.view as object) } });
      case 'response_url':
        return json({ ok: true });
      default:
        return json({ ok: false, error: 'unknown_method' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const of = (method: string): SlackCall[] => calls.filter((c) => c.method === method);
  return {
    apiUrl: `${url}/api/`,
    url,
    calls,
    users,
    channelMembers,
    answerNext: (method, answer) => void canned.set(method, [...(canned.get(method) ?? []), answer]),
    of,
    async waitFor(method, count = 1, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (of(method).length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} ${method} call(s); got ${JSON.stringify(calls.map((c) => c.method))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return of(method);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- signing and posting ----------------------------------------------------------------------

export function signatureHeaders(body: string, options: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const hmac = createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${hmac}`, 'x-slack-request-timestamp': String(timestamp) };
}

export interface PostOptions {
  readonly secret?: string;
  readonly timestamp?: number;
  readonly unsigned?: boolean;
  readonly headers?: Record<string, string>;
}

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
  json(): unknown;
}

async function post(url: string, body: string, contentType: string, options: PostOptions): Promise<HttpAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(options.unsigned ? {} : signatureHeaders(body, options)), ...(options.headers ?? {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as unknown };
}

let eventCounter = 0;
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventCounter}`): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A0TRIAGE',
    event: { event_ts: `${1_700_000_000 + eventCounter}.000001`, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  };
}

export function dmEvent(user: string, text: string, channel = 'D0ADMIN', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', channel, channel_type: 'im', user, text, ts: `${1_700_000_100 + ++eventCounter}.000200`, ...extra };
}

export interface SlackHarness {
  readonly url: string;
  readonly slack: FakeSlack;
  readonly channel: SlackChannel;
  readonly logs: string[];
  sendEvent(envelope: Record<string, unknown>, options?: PostOptions): Promise<HttpAnswer>;
  sendInteraction(payload: Record<string, unknown>, options?: PostOptions): Promise<HttpAnswer>;
  sendCommand(fields: Record<string, string>, options?: PostOptions): Promise<HttpAnswer>;
  close(): Promise<void>;
}

export function captureLogger(): { logger: Logger; logs: string[] } {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), logs };
}

/** Waits for a log line containing `text` (a positive event to wait for instead of a fixed sleep). */
export async function waitForLine(logs: readonly string[], text: string, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = logs.find((l) => l.includes(text));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`timed out waiting for a log line with "${text}"`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startSlackHarness(options: { core: ConversationCore; store?: CaseStore; deps?: Partial<SlackChannelDeps> }): Promise<SlackHarness> {
  const slack = await startFakeSlack();
  const { logger, logs } = captureLogger();
  let channel: SlackChannel | undefined;
  const server = createServer({
    health: { ok: () => true },
    logger,
    extend: (app) => {
      channel = mountSlack(app, {
        core: options.core,
        signingSecret: SIGNING_SECRET,
        botToken: BOT_TOKEN,
        apiUrl: slack.apiUrl,
        logger,
        store: options.store,
        retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20, randomize: false },
        ...options.deps,
      });
    },
  });
  if (!channel) throw new Error('mountSlack was not called');
  const mounted: SlackChannel = channel;
  const running: RunningServer = await server.listen(0, '127.0.0.1');
  await mounted.ready;
  const endpoint = `${running.url}/slack/events`;
  return {
    url: running.url,
    slack,
    channel: mounted,
    logs,
    sendEvent: (envelope, opts = {}) => post(endpoint, JSON.stringify(envelope), 'application/json', opts),
    sendInteraction: (payload, opts = {}) =>
      post(endpoint, `payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded', opts),
    sendCommand: (fields, opts = {}) => post(endpoint, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts),
    async close() {
      mounted.close();
      await running.close();
      await slack.close();
    },
  };
}

/** A block_actions payload for a click on `button` of a message in `channel`. */
export function blockAction(options: {
  user: string;
  channel?: string;
  action: { action_id: string; value?: string; type?: string; selected_option?: { value: string } };
  messageTs?: string;
  threadTs?: string;
  ephemeral?: boolean;
  responseUrl?: string;
  view?: { type: string; id: string };
  triggerId?: string;
}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    type: 'block_actions',
    api_app_id: 'A0TRIAGE',
    token: 'legacy',
    trigger_id: options.triggerId ?? `trigger-${Date.now()}`,
    user: { id: options.user, username: options.user.toLowerCase(), team_id: TEAM },
    team: { id: TEAM, domain: 'contoso' },
    enterprise: null,
    is_enterprise_install: false,
    actions: [{ type: options.action.type ?? 'button', block_id: 'b1', action_ts: '1700000000.1', ...options.action }],
  };
  if (options.view) {
    return { ...base, container: { type: 'view', view_id: options.view.id }, view: { ...options.view, team_id: TEAM, private_metadata: '', callback_id: '', state: { values: {} }, hash: 'h' } };
  }
  const channel = options.channel ?? 'D0ADMIN';
  return {
    ...base,
    container: { type: 'message', message_ts: options.messageTs ?? '1700000001.000100', channel_id: channel, is_ephemeral: options.ephemeral ?? false },
    channel: { id: channel, name: 'directmessage' },
    ...(options.ephemeral ? {} : { message: { type: 'message', ts: options.messageTs ?? '1700000001.000100', ...(options.threadTs ? { thread_ts: options.threadTs } : {}), text: 'x' } }),
    ...(options.responseUrl ? { response_url: options.responseUrl } : {}),
  };
}

/** A view_submission payload: the opened view with the user's values. */
export function viewSubmission(user: string, openedView: Record<string, unknown>, values: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [blockId, v] of Object.entries(values)) state[blockId] = { value: v };
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'contoso' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0TRIAGE',
    token: 'legacy',
    trigger_id: 'trigger-submit',
    view: { id: 'V123', team_id: TEAM, type: 'modal', hash: 'h1', ...openedView, state: { values: state } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export const text = (value: string) => ({ type: 'plain_text_input', value });
export const selected = (value: string, type = 'static_select') => ({ type, selected_option: { value, text: { type: 'plain_text', text: value } } });

/**
 * The case modal as an admin fills it: mail flow, reached by e-mail at megan@contoso.com, in
 * English, London time; the title, description, affected users and e-mail vary per test.
 */
export function filledCaseForm(fields: { title: string; description: string; affectedUsers?: string; email?: string }): Record<string, Record<string, unknown>> {
  return {
    title: text(fields.title),
    description: text(fields.description),
    category: selected('exchange.mailflow'),
    affectedUsers: text(fields.affectedUsers ?? '40'),
    contactMethod: selected('email', 'radio_buttons'),
    email: text(fields.email ?? 'megan@contoso.com'),
    phone: text(''),
    language: selected('en'),
    timeZone: text('Europe/London'),
  };
}

/** Every text in a set of blocks, joined (for "contains" checks). */
export function blockText(blocks: unknown): string {
  return JSON.stringify(blocks ?? []);
}

export interface PostedButton {
  readonly action_id: string;
  readonly value?: string;
  readonly url?: string;
}

export function buttonsOf(blocks: unknown): PostedButton[] {
  const found: PostedButton[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === 'button' && typeof o.action_id === 'string') found.push(o as unknown as PostedButton);
    Object.values(o).forEach(walk);
  };
  walk(blocks);
  return found;
}
