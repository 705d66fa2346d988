/**
 * The one HTTP server of the bot (express 5), knowing no channel: `GET /healthz`, a JSON body
 * parser for the routes that want one (with the JSON depth guard and clear 4xx answers for bad
 * bodies), the 404 and 500 fallbacks, listen and close. Channels mount their routes through
 * `extend`; no body is parsed globally, because Slack's receiver needs raw bodies to check
 * signatures.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { runHealthChecks, type HealthCheck } from './health.js';
import { MAX_JSON_DEPTH, verifyJsonDepth } from '../http/json-depth.js';

export const HEALTH_PATH = '/healthz';

/** A route's JSON body: the parser goes first in the route, the error answers last. */
export interface JsonRoute {
  readonly parse: RequestHandler;
  /** Answers the parser's failures (malformed, too deep, too large) with 4xx JSON; anything else goes on. */
  readonly errors: ErrorRequestHandler;
}

export interface JsonRouteOptions {
  /** Largest body, in the `bytes` package's notation ('1mb'). */
  readonly limit: string;
  /** What the body is, for the 413 message ("an activity"). */
  readonly what: string;
}

/** What the server gives the routes it mounts. */
export interface HttpParts {
  json(options: JsonRouteOptions): JsonRoute;
}

export interface ServerDeps {
  /** Named liveness checks (in-process parts only); `/healthz` answers 200 only when every one passes. */
  readonly health: Readonly<Record<string, HealthCheck>>;
  readonly logger?: Logger;
  /** Mounts the routes (channels, local pages) before the fallbacks; must not parse bodies globally. */
  readonly extend?: (app: Express, parts: HttpParts) => void;
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

function badRequest(res: express.Response, error: string, message: string): void {
  res.status(400).json({ error, message });
}

export function jsonRoute(options: JsonRouteOptions): JsonRoute {
  const errors: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
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
      res.status(413).json({ error: 'too_large', message: `${options.what} may be at most ${options.limit}` });
      return;
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: 'bad_request', message: error.message ?? 'bad request' });
      return;
    }
    next(error);
  };
  // The depth check runs on the raw bytes, before JSON.parse (see json-depth.ts).
  return { parse: express.json({ limit: options.limit, verify: verifyJsonDepth }), errors };
}

export function createServer(deps: ServerDeps): BotServer {
  const { logger } = deps;
  const app = express();
  app.disable('x-powered-by');

  app.get(HEALTH_PATH, async (_req, res) => {
    const report = await runHealthChecks(deps.health);
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });

  deps.extend?.(app, { json: jsonRoute });

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
