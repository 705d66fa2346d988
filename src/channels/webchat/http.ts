/** Direct Line's HTTP conventions shared by the local chat's routes: errors, bearer tokens, loopback. */
import type { ErrorRequestHandler, Request, Response } from 'express';
import { JsonTooDeepError } from '../../http/json-depth.js';

export type Json = Record<string, unknown>;

export const MAX_CHAT_ACTIVITY_BYTES = '256kb';

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Direct Line's error shape: `{ error: { code, message } }`. */
export function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export function pick(source: Json, fields: readonly string[]): Json {
  return Object.fromEntries(fields.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]));
}

export function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** This server as the bot sees it: loopback on the port the request came in on. */
export function serviceUrlOf(req: Request): string {
  const host = req.socket.localAddress === '::1' ? '[::1]' : '127.0.0.1';
  return `http://${host}:${req.socket.localPort}/`;
}

/** The browser's first preferred language (Accept-Language), e.g. "zh-TW"; a preference, never an identity. */
export function browserLocale(req: Request): string | undefined {
  const first = req.get('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  return first && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(first) ? first : undefined;
}

/** Malformed JSON, too large, wrong charset: Direct Line-style 400/413 instead of the server's 500. */
export const jsonErrors: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error.type === 'entity.parse.failed') return fail(res, 400, 'BadArgument', 'the body is not valid JSON');
  if (error.type === 'entity.too.deep' || error instanceof JsonTooDeepError) return fail(res, 400, 'BadArgument', error.message ?? 'the JSON nests too deeply');
  if (error.type === 'entity.too.large') return fail(res, 413, 'MessageSizeTooBig', `an activity may be at most ${MAX_CHAT_ACTIVITY_BYTES}`);
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return fail(res, error.status, 'BadArgument', error.message ?? 'bad request');
  }
  next(error);
};
