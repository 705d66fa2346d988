/**
 * A complaint from first message to triage answer: greeting check, clarifying questions when the
 * engine cannot place it, the plan question when the tenant has no plan yet, "Not quite" and the
 * category the admin picks instead.
 */
import type { Severity } from '../domain/severity.js';
import { caseCanBeOpened, getCategory, isCategoryId, type CategoryId, type SupportKind } from '../domain/taxonomy.js';
import type { SelfServiceLink, TriageResult } from '../triage/index.js';
import { MAX_ANALYZED_CHARS } from '../triage/text.js';
import { isGreeting } from './commands.js';
import { tenantPlan, type TurnContext } from './context.js';
import {
  SCOPE_HINTS,
  categoryQuestion,
  clarifyQuestion,
  isScopeAnswer,
  isServiceArea,
  planQuestion,
  scopeQuestion,
  scopeTitle,
  serviceHint,
  serviceQuestion,
} from './questions.js';
import type { Scope, StoredTriage } from './state.js';
import { strings } from './strings/index.js';
import { buildTriageReply, forwardToAdmin, type Placement } from './triage-reply.js';
import { planSourceOf, serviceHealthFor } from './service-health.js';
import type { Reply } from './types.js';
import { textReply, welcomeReply } from './welcome.js';

/** Below this the engine's category is a guess worth a question. */
export const LOW_CONFIDENCE = 0.5;
const GREETING_MAX_CHARS = 40;

/**
 * The engine's answer for `text`, computed once per turn: a complaint is triaged when it
 * arrives and its placement is read again when the answer is built (`placementOf`). The turn
 * keeps the last one (a turn reads one text; a WeakMap entry per turn cost more than the lookup).
 */
function triage(ctx: TurnContext, text: string): TriageResult {
  if (ctx.triaged?.text === text) return ctx.triaged.result;
  const result = ctx.deps.engine.triage(text);
  ctx.triaged = { text, result };
  return result;
}

function needsClarification(result: TriageResult): boolean {
  return result.category === 'unknown' || (result.needs.length > 0 && result.confidence < LOW_CONFIDENCE);
}

export async function handleComplaint(ctx: TurnContext, text: string): Promise<Reply[]> {
  const result = triage(ctx, text);
  if (result.category === 'unknown' && isGreeting(text) && text.trim().length <= GREETING_MAX_CHARS) return [welcomeReply(ctx.lang)];

  // Two or three categories really close: ask which, rather than answer a guess or ask the service.
  if (result.category !== 'unknown' && result.clarify.length > 1) {
    ctx.state.clarification = undefined;
    ctx.state.lastTriage = { ...storedFrom(text, text, result), asked: [...result.clarify] };
    return [clarifyQuestion(ctx.lang, result.clarify)];
  }
  if (needsClarification(result)) {
    const remaining = result.needs.length > 0 ? [...new Set(result.needs)] : (['service'] as const);
    ctx.state.clarification = { message: text, remaining: [...remaining] };
    return [remaining[0] === 'scope' ? scopeQuestion(ctx.lang) : serviceQuestion(ctx.lang)];
  }
  ctx.state.clarification = undefined;
  ctx.state.lastTriage = storedFrom(text, text, result);
  return answerLastTriage(ctx);
}

function storedFrom(message: string, triagedText: string, result: TriageResult): StoredTriage {
  return { message, triagedText, category: result.category, severity: result.severity, scope: result.scope, forced: false };
}

/** A clarifying answer: record it, ask the next question, or triage the message with the answers. */
export async function handleClarificationAnswer(ctx: TurnContext, data: Readonly<Record<string, unknown>>): Promise<Reply[] | undefined> {
  const pending = ctx.state.clarification;
  const field = pending?.remaining[0];
  if (!pending || !field) return undefined;
  const value = data.value ?? data[field];
  if (field === 'service') {
    if (!isServiceArea(value)) return undefined;
    pending.service = value;
  } else {
    if (!isScopeAnswer(value)) return undefined;
    pending.scope = value;
  }
  pending.remaining.shift();
  const next = pending.remaining[0];
  if (next) return [next === 'scope' ? scopeQuestion(ctx.lang) : serviceQuestion(ctx.lang)];

  ctx.state.clarification = undefined;
  const hints = [pending.service && isServiceArea(pending.service) ? serviceHint(pending.service) : '', pending.scope ? SCOPE_HINTS[pending.scope as keyof typeof SCOPE_HINTS] ?? '' : ''];
  const triagedText = [pending.message, ...hints].filter(Boolean).join(' ');
  const result = triage(ctx, triagedText);
  const scope: Scope = pending.scope ?? result.scope;
  if (result.category !== 'unknown') {
    ctx.state.lastTriage = { ...storedFrom(pending.message, triagedText, result), scope };
    return answerLastTriage(ctx);
  }
  // Still not placed: let the admin pick the category, within the service they named.
  ctx.state.lastTriage = { message: pending.message, triagedText, category: 'unknown', severity: null, scope, forced: false };
  const area = pending.service && isServiceArea(pending.service) ? pending.service : undefined;
  return [categoryQuestion(ctx.lang, result.alternatives, area)];
}

/** "Not quite": every category, the engine's alternatives first. */
export function handleNotQuite(ctx: TurnContext): Reply[] | undefined {
  const last = ctx.state.lastTriage;
  if (!last) return undefined;
  const alternatives = triage(ctx, last.triagedText).alternatives.filter((id) => id !== last.category);
  return [categoryQuestion(ctx.lang, alternatives)];
}

export async function handlePickCategory(ctx: TurnContext, data: Readonly<Record<string, unknown>>): Promise<Reply[] | undefined> {
  const last = ctx.state.lastTriage;
  const picked = data.category ?? data.value;
  if (!last || typeof picked !== 'string' || !isCategoryId(picked) || picked === 'unknown') return undefined;
  if (last.asked?.includes(picked)) {
    // An answer to "Is this about A or B?": the engine reads the original message as the choice.
    const chosen = ctx.deps.engine.triage(last.triagedText, { category: picked });
    ctx.state.lastTriage = { ...last, category: picked, severity: chosen.severity, scope: chosen.scope, forced: false, chosen: true, asked: undefined };
    return answerLastTriage(ctx);
  }
  ctx.state.lastTriage = { ...last, category: picked, severity: forcedSeverity(picked, last), forced: true };
  return answerLastTriage(ctx);
}

/**
 * Severity for a category the engine did not choose: the engine's own when it read the message
 * as the same kind of support, else C for billing and pre-sales, A when several users or
 * everyone are affected, B otherwise. Null where no case can be opened.
 */
export function forcedSeverity(category: CategoryId, last: Pick<StoredTriage, 'category' | 'severity' | 'scope'>): Severity | null {
  const support = getCategory(category).support;
  if (!caseCanBeOpened(support)) return null;
  if (last.severity && isCategoryId(last.category) && getCategory(last.category).support === support) return last.severity;
  if (support === 'billing' || support === 'presales') return 'C';
  return last.scope === 'everyone' || last.scope === 'several' ? 'A' : 'B';
}

function linksFor(ctx: TurnContext, category: CategoryId): SelfServiceLink[] {
  const seen = new Set<string>();
  return ctx.deps.engine.intents
    .filter((intent) => intent.category === category)
    .flatMap((intent) => intent.links)
    .filter((link) => !seen.has(link.url) && Boolean(seen.add(link.url)));
}

function placementOf(ctx: TurnContext, last: StoredTriage & { category: CategoryId }): Placement {
  if (!last.forced) {
    const result = last.chosen ? ctx.deps.engine.triage(last.triagedText, { category: last.category }) : triage(ctx, last.triagedText);
    if (result.category === last.category) {
      const reasons = [...result.reasonsByLang[ctx.lang]];
      if (result.truncated) reasons.push(strings(ctx.lang).truncatedNote(MAX_ANALYZED_CHARS.toLocaleString('en-US')));
      return { category: last.category, severity: last.severity as Severity | null, reasons, links: result.links, scope: last.scope };
    }
  }
  const s = strings(ctx.lang);
  const reasons = [s.forcedCategoryReason(getCategory(last.category).topic[ctx.lang])];
  const severity = last.severity as Severity | null;
  if (severity) reasons.push(s.scopeSeverityReason(scopeTitle(last.scope, ctx.lang), `Sev ${severity}`));
  return { category: last.category, severity, reasons, links: linksFor(ctx, last.category), scope: last.scope };
}

/** Answers `state.lastTriage`, asking the plan first when a case could be opened and none is known. */
export async function answerLastTriage(ctx: TurnContext): Promise<Reply[]> {
  const last = ctx.state.lastTriage;
  if (!last || !isCategoryId(last.category) || last.category === 'unknown') return [textReply(ctx.lang, strings(ctx.lang).expired)];
  const category = last.category;
  const support: SupportKind = getCategory(category).support;
  const plan = caseCanBeOpened(support) ? tenantPlan(ctx) : undefined;
  if (caseCanBeOpened(support) && !plan) {
    ctx.state.planQuestion = { kind: 'answer' };
    return [planQuestion(ctx.lang)];
  }
  const built = buildTriageReply(placementOf(ctx, { ...last, category }), {
    lang: ctx.lang,
    message: last.message,
    plan,
    timeZone: ctx.zone,
    now: ctx.now,
    ...(ctx.businessHours ? { businessHours: ctx.businessHours } : {}),
    admin: ctx.admin.admin,
  });
  const health = caseCanBeOpened(support) ? await serviceHealthFor(ctx, category, built.severity, last.scope) : undefined;
  // The incident travels with the triage into the case form and the stored case.
  ctx.state.lastTriage = { ...last, incident: health?.incident };
  const planSource = planSourceOf(ctx, built);
  // Copied only when there is something to add: most answers are the built reply as it is.
  const reply = planSource || health ? { ...built, ...(planSource ? { planSource } : {}), ...(health ? { serviceHealth: health.view } : {}) } : built;
  const replies: Reply[] = [reply];
  if (!ctx.admin.admin && caseCanBeOpened(support)) replies.push(forwardToAdmin(reply, ctx.lang, ctx.admin.reason === 'not-configured'));
  return replies;
}
