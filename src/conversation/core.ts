/**
 * The conversation core: a Turn in, Replies out. It loads the conversation's state, decides the
 * language and whether the user is an admin, dispatches typed commands, complaints and card
 * actions to the flows, and saves the state. It never throws: an unexpected error is logged
 * and answered politely, and an unknown or stale card action gets "that card has expired".
 */
import { pino } from 'pino';
import { isValidTimeZone } from '../domain/business-hours.js';
import type { Lang } from '../domain/taxonomy.js';
import { isCaseNumber, StoreUnavailableError } from '../store/index.js';
import { closeCase, listMyCases, openForm, reopenCase, showCase, submitForm } from './case-flow.js';
import { parseCommand, type Command } from './commands.js';
import { handleClarificationAnswer, handleComplaint, handleNotQuite, handlePickCategory, answerLastTriage } from './complaint-flow.js';
import type { CoreDeps, TurnContext } from './context.js';
import { decideWithDirectory } from './directory-turn.js';
import { hasCjk } from '../domain/scripts.js';
import { languageOfAction, languageOfMessage } from './language.js';
import { acceptPlan, askPlanAgain, pickPlanFirst, planNotRecognized } from './plan-flow.js';
import { planToStore } from './questions.js';
import { answerSupportQuestion, supportQuestionOf } from './support-questions.js';
import { answerToCase, caseAwaitingAnswer, newProblemInstead } from './answer-flow.js';
import { createRateLimiter, rateLimitKey } from './rate-limit.js';
import { parseState, stateKey, unchangedState } from './state.js';
import { strings } from './strings/index.js';
import { forwardToAdmin } from './triage-reply.js';
import { UNKNOWN_VERB, type ConversationCore, type Reply, type Turn, type TurnAction } from './types.js';
import { textReply, welcomeReply } from './welcome.js';

export type { CoreDeps } from './context.js';
export type { CoreConfig } from './config.js';

/** How long a channel delivery id is remembered, to answer a retried delivery once. */
export const DELIVERY_DEDUP_MS = 10 * 60 * 1000;
/** A typed text this short that names no plan, while the plan question is out, is a failed plan answer. */
const PLAN_ANSWER_MAX_WORDS = 4;

export function createConversationCore(deps: CoreDeps): ConversationCore {
  const clock = deps.now ?? (() => new Date());
  const logger = deps.logger ?? pino({ level: 'silent' });
  const limiter = deps.rateLimiter ?? createRateLimiter(deps.config.rateLimits ?? { turnsPerMinute: 0, casesPerHour: 0 });
  const limited: CoreDeps = { ...deps, rateLimiter: limiter };

  return {
    async handle(turn: Turn): Promise<Reply[]> {
      // Only a refused or failed turn needs it: not worked out on every turn.
      const fallback = (): Lang => languageOfMessage(typeof turn?.text === 'string' ? turn.text : '', turn?.user?.locale);
      try {
        // Before the turn's store access: a flood costs a map lookup (a counter write when shared).
        const now = clock();
        // A greeting is the channel's, not the user's: it never spends the user's budget.
        const decision = turn?.greeting ? { allowed: true as const } : await limiter.takeTurn(rateLimitKey(turn, turn?.turnLimitPer), now.getTime());
        if (!decision.allowed) {
          logger.warn({ user: turn.user?.id, channel: turn.channel, tenant: turn.tenantId }, 'rate limited');
          const fallbackLang = fallback();
          const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
          return decision.notify ? [textReply(fallbackLang, strings(fallbackLang).slowDown(seconds), 'warning')] : [];
        }
        return await handleTurn(limited, logger, now, turn);
      } catch (error) {
        const fallbackLang = fallback();
        if (error instanceof StoreUnavailableError) {
          logger.warn({ err: error, conversation: turn?.conversationId }, 'store unavailable');
          // A submit that failed on the store: "could not be saved, try again". If the case itself
          // was written before the failure, the retry of the same form returns it (idempotent).
          const text = turn?.action?.verb === 'submitCase' ? strings(fallbackLang).couldNotSave : strings(fallbackLang).storeUnavailable;
          return [textReply(fallbackLang, text, 'error')];
        }
        logger.error({ err: error, conversation: turn?.conversationId }, 'unexpected error handling a turn');
        return [textReply(fallbackLang, strings(fallbackLang).unexpectedError, 'error')];
      }
    },
  };
}

async function handleTurn(deps: CoreDeps, logger: CoreDeps['logger'] & {}, now: Date, turn: Turn): Promise<Reply[]> {
  // A retried delivery is answered once. The claim is checked in the turn's one read and taken in
  // the same write transaction as the state at the end of the turn: one read and one write per turn.
  // When a duplicate raced this turn and claimed first, this turn's replies and state are dropped.
  const claimKey = turn.deliveryId ? `delivery:${turn.channel}:${turn.deliveryId}` : undefined;
  const key = stateKey(turn);
  const snapshot = await deps.store.readTurn({ ...(claimKey ? { claimKey } : {}), stateKey: key, tenantId: turn.tenantId });
  if (snapshot.claimed) {
    logger.info({ delivery: turn.deliveryId }, 'repeated delivery ignored');
    return [];
  }
  const state = parseState(snapshot.state);
  const decided = await decideWithDirectory(deps, turn);
  const zone = [turn.user.timeZone, deps.config.defaultTimeZone].find((z): z is string => typeof z === 'string' && isValidTimeZone(z)) ?? 'UTC';
  const ctx: TurnContext = {
    deps,
    logger,
    turn,
    state,
    tenant: snapshot.tenant,
    lang: 'en',
    admin: decided.admin,
    zone,
    now,
    businessHours: deps.config.businessHours,
    ...(decided.directory ? { directory: decided.directory } : {}),
  };

  let replies: Reply[];
  if (turn.action && typeof turn.action.verb === 'string') {
    ctx.lang = languageOfAction(state.lang, turn.user.locale);
    replies = (await handleAction(ctx, turn.action)) ?? [textReply(ctx.lang, strings(ctx.lang).expired, 'warning')];
  } else {
    const text = typeof turn.text === 'string' ? turn.text : '';
    // A plan name answers the plan question; "商務進階版" typed there does not make the conversation Chinese.
    const planAnswer = state.planQuestion !== undefined && state.lang !== undefined && planToStore(text) !== undefined;
    ctx.lang = planAnswer && state.lang ? state.lang : languageOfMessage(text, turn.user.locale);
    replies = await handleText(ctx, text);
  }
  if (decided.consentNotice) replies = [decided.consentNotice(ctx.lang), ...replies];
  state.lang = ctx.lang;
  // An unchanged state is not written again.
  const stateChanged = !unchangedState(snapshot.state, state);
  const saved = await deps.store.saveTurn({
    ...(claimKey ? { claim: { key: claimKey, ttlMs: DELIVERY_DEDUP_MS } } : {}),
    ...(stateChanged ? { state: { key, value: state } } : {}),
  });
  if (!saved) {
    logger.info({ delivery: turn.deliveryId }, 'repeated delivery ignored');
    return [];
  }
  return replies;
}

function refusal(ctx: TurnContext): Reply[] {
  const s = strings(ctx.lang);
  const reason = ctx.admin.admin ? undefined : ctx.admin.reason;
  if (reason === 'directory-unavailable') return [textReply(ctx.lang, s.adminCheckUnavailable, 'warning')];
  const parts = [s.notAdmin];
  if (reason === 'no-role') parts.push(s.notAdminNoRole);
  if (reason === 'not-configured') parts.push(s.notAdminConfigure);
  return [textReply(ctx.lang, parts.join('\n\n'), 'warning')];
}

async function handleText(ctx: TurnContext, text: string): Promise<Reply[]> {
  if (text.trim() === '') return [textReply(ctx.lang, strings(ctx.lang).emptyMessage)];
  const command = parseCommand(text);
  if (command) return runCommand(ctx, command);
  const supportQuestion = supportQuestionOf(text);
  if (supportQuestion) return answerSupportQuestion(ctx, supportQuestion, text);
  // An engineer's question is out: these words are the answer ("It's a new problem" undoes that).
  const awaiting = ctx.admin.admin ? await caseAwaitingAnswer(ctx) : undefined;
  if (awaiting) return answerToCase(ctx, awaiting, text);

  if (ctx.state.planQuestion) {
    const accepted = await acceptPlan(ctx, text);
    if (accepted) return accepted;
    if (text.trim().split(/\s+/).length <= PLAN_ANSWER_MAX_WORDS && !hasCjk(text)) return planNotRecognized(ctx, text);
    if (hasCjk(text) && text.trim().length <= 8) return planNotRecognized(ctx, text);
    // A longer text is a new complaint; the plan question is asked again if still needed.
    ctx.state.planQuestion = undefined;
  }
  return handleComplaint(ctx, text);
}

async function runCommand(ctx: TurnContext, command: Command): Promise<Reply[]> {
  switch (command.kind) {
    case 'help':
    case 'greeting':
      return [welcomeReply(ctx.lang)];
    case 'newCase':
      return [textReply(ctx.lang, strings(ctx.lang).newCasePrompt)];
    case 'changePlan':
      ctx.state.planQuestion = { kind: 'nothing' };
      return askPlanAgain(ctx);
    case 'myCases':
      return ctx.admin.admin ? listMyCases(ctx, command.filter) : refusal(ctx);
    case 'showCase':
      return ctx.admin.admin ? showCase(ctx, command.number) : refusal(ctx);
    case 'closeCase':
      return ctx.admin.admin ? closeCase(ctx, command.number) : refusal(ctx);
    case 'reopenCase':
      return ctx.admin.admin ? reopenCase(ctx, command.number) : refusal(ctx);
  }
}

function caseNumberOf(data: Readonly<Record<string, unknown>>): string | undefined {
  if (typeof data.number !== 'string') return undefined;
  const number = data.number.trim().toUpperCase();
  return isCaseNumber(number) ? number : undefined;
}

/** A verb added to ACTION_VERBS without a case above fails to compile here. */
function unhandledVerb(verb: never): undefined {
  void verb;
  return undefined;
}

/** undefined: the action is unknown, or its data is stale or garbage ("that card has expired"). */
async function handleAction(ctx: TurnContext, action: TurnAction): Promise<Reply[] | undefined> {
  const data: Readonly<Record<string, unknown>> = action.data && typeof action.data === 'object' && !Array.isArray(action.data) ? action.data : {};
  const s = strings(ctx.lang);
  switch (action.verb) {
    case 'openCase':
    case 'officeProblemAfterAll': {
      if (!ctx.admin.admin) return refusalWithForward(ctx);
      return openForm(ctx, action.verb === 'officeProblemAfterAll');
    }
    case 'submitCase':
      return ctx.admin.admin ? submitForm(ctx, data) : refusal(ctx);
    case 'notQuite':
      return handleNotQuite(ctx);
    case 'pickCategory':
      return handlePickCategory(ctx, data);
    case 'solved':
      ctx.state.clarification = undefined;
      return [textReply(ctx.lang, s.solvedThanks)];
    case 'answerClarification':
      return handleClarificationAnswer(ctx, data);
    case 'choosePlan': {
      const plan = data.plan ?? data.value;
      if (plan === undefined || plan === null || (typeof plan === 'string' && plan.trim() === '')) return pickPlanFirst(ctx);
      if (typeof plan !== 'string') return undefined;
      return (await acceptPlan(ctx, plan)) ?? planNotRecognized(ctx, plan);
    }
    case 'showCase':
    case 'closeCase':
    case 'reopenCase': {
      const number = caseNumberOf(data);
      if (!number) return undefined;
      return runCommand(ctx, { kind: action.verb, number });
    }
    case 'myCases':
      return runCommand(ctx, { kind: 'myCases' });
    case 'help':
      return [welcomeReply(ctx.lang)];
    case 'newProblemInstead':
      return newProblemInstead(ctx, data);
    case UNKNOWN_VERB:
      return undefined;
    default:
      return unhandledVerb(action.verb);
  }
}

/** A non-admin pressed a case button: the triage again is not needed, the text to forward is. */
async function refusalWithForward(ctx: TurnContext): Promise<Reply[]> {
  // Answering the last triage may ask for the plan and arm the plan question; this turn never
  // shows that question, so the admin's next words must not be read as an answer to it.
  const planQuestionBefore = ctx.state.planQuestion;
  const answered = ctx.state.lastTriage ? await answerLastTriage(ctx) : [];
  ctx.state.planQuestion = planQuestionBefore;
  const forward = answered.find((r) => r.kind === 'text');
  if (forward) return [forward];
  const triage = answered.find((r) => r.kind === 'triage');
  if (triage && triage.kind === 'triage') return [forwardToAdmin(triage, ctx.lang, !ctx.admin.admin && ctx.admin.reason === 'not-configured')];
  return refusal(ctx);
}
