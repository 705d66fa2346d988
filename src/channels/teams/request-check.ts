/**
 * The shape an activity must have before botbuilder sees it: the adapter throws on a missing
 * conversation, and the connector client refuses a reply (after the turn has run) when a field it
 * copies is not a string. A bad activity is answered 400 with the field named.
 */
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

const ACCOUNT_STRING_FIELDS = ['id', 'name', 'aadObjectId', 'role', 'conversationType', 'tenantId'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function accountProblem(field: string, account: unknown): string | undefined {
  if (account === undefined) return undefined;
  if (!isRecord(account)) return `activity.${field} must be an object`;
  for (const key of ACCOUNT_STRING_FIELDS) {
    if (account[key] !== undefined && typeof account[key] !== 'string') return `activity.${field}.${key} must be a string`;
  }
  if (account.isGroup !== undefined && typeof account.isGroup !== 'boolean') return `activity.${field}.isGroup must be true or false`;
  return undefined;
}

/** Why an activity cannot go to the adapter, or undefined when it can. */
export function activityProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || body.type.trim() === '') return 'activity.type is required';
  if (!isRecord(body.conversation)) return 'activity.conversation is required';
  const conversationId = body.conversation.id;
  if (typeof conversationId !== 'string' || conversationId.trim() === '') return 'activity.conversation.id is required';
  if (typeof body.serviceUrl !== 'string' || !/^https?:\/\/\S+$/i.test(body.serviceUrl)) {
    return 'activity.serviceUrl is required (an http or https URL)';
  }
  for (const field of ['id', 'replyToId', 'channelId', 'locale'] as const) {
    if (body[field] !== undefined && typeof body[field] !== 'string') return `activity.${field} must be a string`;
  }
  for (const field of ['from', 'recipient', 'conversation'] as const) {
    const problem = accountProblem(field, body[field]);
    if (problem) return problem;
  }
  return undefined;
}

/** 415 for a body that is not JSON, 400 naming the field for an activity botbuilder would choke on. */
export function requireActivity(logger: Logger | undefined): RequestHandler {
  return (req, res, next) => {
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'unsupported_media_type', message: 'send the activity as application/json' });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      logger?.warn({ problem }, 'rejected an invalid activity');
      res.status(400).json({ error: 'invalid_activity', message: problem });
      return;
    }
    next();
  };
}
