/**
 * An engineer asked the admin for information on a case (the desk's `info-requested`): the admin's
 * next typed words go to that case as the answer, with a way to say it was a new problem instead.
 * The open question is read from the case's audit trail, so it survives restarts and is cleared by
 * any answer (typed here or through the notice's Answer button).
 */
import type { SupportCase } from '../store/index.js';
import { handleComplaint } from './complaint-flow.js';
import type { TurnContext } from './context.js';
import { strings } from './strings/index.js';
import type { QuestionReply, Reply } from './types.js';

export const INFO_REQUESTED = 'info-requested';
export const REQUESTER_ANSWER = 'requester-answer';
/** The desk keeps answers to this length; a longer one is cut the same way. */
const MAX_ANSWER_LENGTH = 2000;

/** The time of the engineer's still unanswered question on `c`, if there is one. */
function openQuestionAt(c: SupportCase): number | undefined {
  const last = [...c.audit].reverse().find((e) => e.action === INFO_REQUESTED || e.action === REQUESTER_ANSWER);
  return last?.action === INFO_REQUESTED ? last.at.getTime() : undefined;
}

/**
 * Of the open cases this user opened in this conversation (where the desk's notices arrive), the
 * one whose engineer's question is the latest unanswered.
 */
export async function caseAwaitingAnswer(ctx: TurnContext): Promise<SupportCase | undefined> {
  const here = new Set(ctx.state.casesOpenedHere ?? []);
  if (here.size === 0) return undefined;
  const open = await ctx.deps.store.listCases(ctx.turn.tenantId, { status: 'open' });
  let best: { c: SupportCase; at: number } | undefined;
  for (const c of open) {
    if (!here.has(c.number) || c.requester.userId !== ctx.turn.user.id || c.requester.channel !== ctx.turn.channel) continue;
    const at = openQuestionAt(c);
    if (at !== undefined && (!best || at > best.at)) best = { c, at };
  }
  return best?.c;
}

/** Adds `text` to `c` as the requester's answer and tells the support desk. */
export async function answerToCase(ctx: TurnContext, c: SupportCase, text: string): Promise<Reply[]> {
  const trimmed = text.replace(/\r\n/g, '\n').trim();
  const detail = trimmed.length > MAX_ANSWER_LENGTH ? `${trimmed.slice(0, MAX_ANSWER_LENGTH - 1)}…` : trimmed;
  const updated = await ctx.deps.store.updateCase(c.tenantId, c.number, {}, { actor: ctx.turn.user.id, action: REQUESTER_ANSWER, detail });
  try {
    ctx.deps.onCaseChanged?.(updated, { action: 'answered', by: ctx.turn.user.id, note: detail });
  } catch (error) {
    ctx.logger.error({ err: error, case: c.number }, 'onCaseChanged failed');
  }
  ctx.state.lastAnswer = { number: c.number, text: trimmed };
  const s = strings(ctx.lang);
  const reply: QuestionReply = {
    kind: 'question',
    lang: ctx.lang,
    question: s.addedAsAnswer(c.number),
    field: 'answer',
    options: [{ value: c.number, title: s.newProblemInstead }],
    verb: 'newProblemInstead',
  };
  return [reply];
}

/** "It's a new problem": the words last added as an answer are triaged as a complaint. */
export async function newProblemInstead(ctx: TurnContext, data: Readonly<Record<string, unknown>>): Promise<Reply[] | undefined> {
  const last = ctx.state.lastAnswer;
  if (!last || data.value !== last.number) return undefined;
  ctx.state.lastAnswer = undefined;
  return handleComplaint(ctx, last.text);
}
