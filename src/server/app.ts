/**
 * The one HTTP server of the bot (express 5): `POST /api/messages` for the Bot Framework (Teams,
 * Emulator) and `GET /healthz`. The JSON parser is mounted on `/api/messages` only: Slack's
 * Bolt receiver will share this app and needs raw bodies to check signatures.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { TurnContext } from 'botbuilder';
import { runHealthChecks, type HealthCheck } from './health.js';
import { MAX_JSON_DEPTH, verifyJsonDepth } from '../http/json-depth.js';
import { createEndpointGate, type BotEndpoint } from './bot-endpoint.js';

export const MESSAGES_PATH = '/api/messages';
export const HEALTH_PATH = '/healthz';
export const MAX_ACTIVITY_BYTES = '1mb';

/** The part of botbuilder's CloudAdapter the server uses (a fake in tests). */
export interface ActivityProcessor {
  process(
    req: { body?: Record<string, unknown>; headers: Record<string, string | string[] | undefined>; method?: string },
    res: express.Response,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export interface ServerDeps {
  readonly adapter: ActivityProcessor;
  readonly bot: (context: TurnContext) => Promise<void>;
  /** Named readiness checks; `/healthz` answers 200 only when every one passes. */
  readonly health: Readonly<Record<string, HealthCheck>>;
  readonly logger?: Logger;
  /**
   * Who may use /api/messages (bot-endpoint.ts), checked before the adapter. Absent: the adapter
   * alone decides (fakes in tests); createBotServer always sets it.
   */
  readonly endpoint?: BotEndpoint;
  /** Mounts more routes (Slack's receiver) before the fallbacks; must not parse bodies globally. */
  readonly extend?: (app: Express) => void;
}

export interface RunningServer {
  readonly port: number;
  /** The address listened on (127.0.0.1, 0.0.0.0, ::). */
  readonly host: string;
  readonly url: string;
  /** Stops accepting connections, closes idle ones, and waits for requests in flight. */
  close(): Promise<void>;
}

export interface BotServer {
  readonly app: Express;
  listen(port: number, host?: string): Promise<RunningServer>;
}

const ACCOUNT_STRING_FIELDS = ['id', 'name', 'aadObjectId', 'role', 'conversationType', 'tenantId'] as const;

/** Why an activity cannot go to the adapter, or undefined when it can. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be a JSON object (an activity)';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type.trim() === '') return 'activity.type is required';
  const conversation = activity.conversation;
  if (typeof conversation !== 'object' || conversation === null || Array.isArray(conversation)) {
    return 'activity.conversation is required';
  }
  const conversationId = (conversation as Record<string, unknown>).id;
  if (typeof conversationId !== 'string' || conversationId.trim() === '') return 'activity.conversation.id is required';
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\/\S+$/i.test(activity.serviceUrl)) {
    return 'activity.serviceUrl is required (an http or https URL)';
  }
  // The connector client refuses non-string ids when replying, after the turn has run.
  // The reply copies these fields, and the connector client refuses the whole reply (after the
  // turn has run) when one of them is not a string.
  for (const field of ['id', 'replyToId', 'channelId', 'locale'] as const) {
    if (activity[field] !== undefined && typeof activity[field] !== 'string') return `activity.${field} must be a string`;
  }
  for (const field of ['from', 'recipient', 'conversation'] as const) {
    const account = activity[field];
    if (account === undefined) continue;
    if (typeof account !== 'object' || account === null || Array.isArray(account)) return `activity.${field} must be an object`;
    for (const key of ACCOUNT_STRING_FIELDS) {
      const value = (account as Record<string, unknown>)[key];
      if (value !== undefined && typeof value !== 'string') return `activity.${field}.${key} must be a string`;
    }
    const isGroup = (account as Record<string, unknown>).isGroup;
    if (isGroup !== undefined && typeof isGroup !== 'boolean') return `activity.${field}.isGroup must be true or false`;
  }
  return undefined;
}

function badRequest(res: express.Response, error: string, message: string): void {
  res.status(400).json({ error, message });
}

export function createServer(deps: ServerDeps): BotServer {
  const { adapter, bot, logger } = deps;
  const app = express();
  app.disable('x-powered-by');

  app.get(HEALTH_PATH, async (_req, res) => {
    const report = await runHealthChecks(deps.health);
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });

  const validate: RequestHandler = (req, res, next) => {
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'unsupported_media_type', message: 'send the activity as application/json' });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      logger?.warn({ problem }, 'rejected an invalid activity');
      badRequest(res, 'invalid_activity', problem);
      return;
    }
    next();
  };

  const gate = deps.endpoint ? createEndpointGate(deps.endpoint, logger) : undefined;
  const processActivity: RequestHandler = async (req, res) => {
    if (gate && !(await gate(req, res))) return;
    await adapter.process(req, res, bot);
  };

  // Body parsing errors of this route only: malformed JSON, too large, bad charset.
  const parseErrors: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error.type === 'entity.parse.failed') {
      badRequest(res, 'malformed_json', 'the body is not valid JSON');
      return;
    }
    if (error.type === 'entity.too.deep') {
      badRequest(res, 'too_deep', `the JSON may nest at most ${MAX_JSON_DEPTH} levels`);
      return;
    }
    if (error.type === 'entity.too.large') {
      res.status(413).json({ error: 'too_large', message: `an activity may be at most ${MAX_ACTIVITY_BYTES}` });
      return;
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: 'bad_request', message: error.message ?? 'bad request' });
      return;
    }
    next(error);
  };

  // The depth check runs on the raw bytes, before JSON.parse (see json-depth.ts).
  app.post(MESSAGES_PATH, express.json({ limit: MAX_ACTIVITY_BYTES, verify: verifyJsonDepth }), validate, processActivity, parseErrors);

  deps.extend?.(app);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });

  const internalError: ErrorRequestHandler = (error, req, res, _next) => {
    logger?.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(500).json({ error: 'internal_error' });
  };
  app.use(internalError);

  return {
    app,
    listen: (port, host) => listen(app, port, host),
  };
}

function listen(app: Express, port: number, host?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host ?? '0.0.0.0');
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      // Loopback and "every interface" are both reachable as localhost from this machine.
      const shownHost = host && !['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? host : 'localhost';
      let closing: Promise<void> | undefined;
      resolve({
        port: address.port,
        host: address.address,
        url: `http://${shownHost}:${address.port}`,
        close: () => {
          closing ??= new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          });
          return closing;
        },
      });
    });
  });
}
