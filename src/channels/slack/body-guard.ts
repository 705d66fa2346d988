/**
 * In front of Bolt's receiver on `/slack/events`: reads the raw body once with a 1 MB limit
 * (413 beyond it; Bolt's own limit is 4 MB) and refuses JSON nested deeper than
 * `MAX_JSON_DEPTH` (400), whether it is the JSON body of an event or the `payload=` field of an
 * interaction, before Bolt parses it. The bytes are handed to Bolt as `req.rawBody`, which its
 * ExpressReceiver uses instead of reading the stream again, so signatures still verify.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../../http/json-depth.js';

export const MAX_SLACK_BODY_BYTES = '1mb';

/** The interaction types mount.ts has listeners for. */
const SUPPORTED_INTERACTIONS = new Set(['block_actions', 'view_submission']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why Bolt could not route an interaction payload (it would throw inside processEvent and answer
 * 500), or undefined. Only the shape Bolt itself reads is checked; the listeners check the rest.
 */
export function interactionProblem(payload: unknown, viewCallbacks: readonly string[] = []): string | undefined {
  if (!isRecord(payload)) return 'payload must be a JSON object';
  if (typeof payload.type !== 'string') return 'payload.type must be a string';
  // Anything no listener takes would hold the request for Bolt's 3 s "unhandled" timeout.
  if (!SUPPORTED_INTERACTIONS.has(payload.type)) return `interactions of type ${payload.type.slice(0, 40)} are not handled by this app`;
  if (payload.user !== undefined && !(isRecord(payload.user) && typeof payload.user.id === 'string')) return 'payload.user.id must be a string';
  for (const key of ['team', 'enterprise', 'channel', 'container', 'message'] as const) {
    if (payload[key] !== undefined && payload[key] !== null && !isRecord(payload[key])) return `payload.${key} must be an object`;
  }
  if (payload.type === 'block_actions' || payload.type === 'interactive_message') {
    const actions = payload.actions;
    if (!Array.isArray(actions) || actions.length === 0) return 'payload.actions must be a non-empty array';
    if (!actions.every((a) => isRecord(a) && (a.action_id === undefined || typeof a.action_id === 'string') && (a.block_id === undefined || typeof a.block_id === 'string'))) {
      return 'every action needs a string action_id';
    }
  }
  if (payload.type === 'view_submission' || payload.type === 'view_closed') {
    const view = payload.view;
    if (!isRecord(view)) return 'payload.view must be an object';
    if (typeof view.callback_id !== 'string' || !viewCallbacks.includes(view.callback_id)) return 'payload.view.callback_id is not a view of this app';
    if (view.private_metadata !== undefined && typeof view.private_metadata !== 'string') return 'payload.view.private_metadata must be a string';
    if (view.state !== undefined && !(isRecord(view.state) && (view.state.values === undefined || isRecord(view.state.values)))) return 'payload.view.state.values must be an object';
  }
  return undefined;
}

/** `viewCallbacks`: the callback_ids of the app's modals (a view_submission of any other is refused). */
export function slackBodyGuard(viewCallbacks: readonly string[]): (RequestHandler | ErrorRequestHandler)[] {
  const readRaw = express.raw({ type: () => true, limit: MAX_SLACK_BODY_BYTES });
  const check: RequestHandler = (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    (req as { rawBody?: Buffer }).rawBody = raw;
    const type = String(req.headers['content-type'] ?? '');
    let json: string | undefined;
    if (type.startsWith('application/x-www-form-urlencoded')) json = new URLSearchParams(raw.toString('utf8')).get('payload') ?? undefined;
    if (json !== undefined ? jsonTooDeep(json) : jsonTooDeep(raw)) {
      res.status(400).json({ error: 'too_deep', message: `the JSON may nest at most ${MAX_JSON_DEPTH} levels` });
      return;
    }
    if (json !== undefined) {
      let problem: string | undefined;
      try {
        problem = interactionProblem(JSON.parse(json), viewCallbacks);
      } catch {
        problem = 'payload is not JSON';
      }
      if (problem) {
        res.status(400).json({ error: 'invalid_payload', message: problem });
        return;
      }
    }
    next();
  };
  const errors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      res.status(413).json({ error: 'too_large', message: `a Slack request may be at most ${MAX_SLACK_BODY_BYTES}` });
      return;
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: 'bad_request' });
      return;
    }
    next(error);
  };
  return [readRaw, check, errors];
}
