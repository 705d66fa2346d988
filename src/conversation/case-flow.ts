/**
 * Cases: the form (open, submit), and listing, showing, closing and reopening. Admins only;
 * core.ts checks that before calling in here.
 */
import { maySetOwnSeverity } from '../domain/support-rules.js';
import { canReopen, REOPEN_WINDOW_DAYS } from '../domain/support-rules.js';
import { caseCanBeOpened, getCategory, isCategoryId, type CategoryId } from '../domain/taxonomy.js';
import { planFamilyOf } from '../domain/plans.js';
import { isSeverity } from '../domain/severity.js';
import { StoreUnavailableError, type SupportCase } from '../store/index.js';
import { buildCaseForm, newFormId, validateCaseForm } from './case-form.js';
import { caseDetail, caseList, caseSummary } from './case-views.js';
import { formatDate } from '../domain/time.js';
import { tenantPlan, type CaseChangeNotice, type TurnContext } from './context.js';
import { reopenNoteOf, type CaseListFilter } from './commands.js';
import { isOnlyThanks } from '../domain/thanks.js';
import { forcedSeverity } from './complaint-flow.js';
import { computeExpectation, expectationView } from './expectation.js';
import { planQuestion } from './questions.js';
import { rateLimitKey } from './rate-limit.js';
import { rememberCaseOpenedHere, rememberForm } from './state.js';
import { strings } from './strings/index.js';
import type { Reply } from './types.js';
import { textReply } from './welcome.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A category for "Office 365 problem after all" when the engine offers no technical one. */
const FALLBACK_TECHNICAL_CATEGORY: CategoryId = 'exchange.usage';

/** "Open a case" or "It is an Office 365 problem after all": the prefilled form. */
export async function openForm(ctx: TurnContext, officeAfterAll: boolean): Promise<Reply[] | undefined> {
  const last = ctx.state.lastTriage;
  if (!last || !isCategoryId(last.category)) return undefined;

  let category: CategoryId = last.category;
  let severity = last.severity;
  if (officeAfterAll || !caseCanBeOpened(getCategory(category).support)) {
    if (!officeAfterAll) return undefined;
    const alternatives = ctx.deps.engine.triage(last.triagedText).alternatives;
    category = alternatives.find((id) => getCategory(id).support === 'technical') ?? FALLBACK_TECHNICAL_CATEGORY;
    severity = forcedSeverity(category, { ...last, severity: null });
  }
  if (!severity || !isSeverity(severity)) return undefined;

  const plan = tenantPlan(ctx);
  if (!plan) {
    ctx.state.planQuestion = { kind: 'openForm', officeAfterAll };
    return [planQuestion(ctx.lang)];
  }
  const formId = newFormId();
  const editable = maySetOwnSeverity(planFamilyOf(plan));
  rememberForm(ctx.state, formId, { category, severity, plan, support: getCategory(category).support, officeAfterAll });
  return [
    buildCaseForm({
      lang: ctx.lang,
      formId,
      message: last.message,
      category,
      severity,
      scope: last.scope,
      ...(ctx.turn.user.email ? { email: ctx.turn.user.email } : {}),
      timeZone: ctx.zone,
      severityEditable: editable,
      ...(formNote(ctx, officeAfterAll) ? { extraNote: formNote(ctx, officeAfterAll) } : {}),
    }),
  ];
}

function formNote(ctx: TurnContext, officeAfterAll: boolean): string | undefined {
  const s = strings(ctx.lang);
  const incident = ctx.state.lastTriage?.incident;
  const notes = [officeAfterAll ? s.formNoteOfficeAfterAll : '', incident ? s.formNoteIncident(incident.id) : ''].filter(Boolean);
  return notes.length > 0 ? notes.join(' ') : undefined;
}

/** A submitted form: validate, then create the case once per formId. */
export async function submitForm(ctx: TurnContext, data: Readonly<Record<string, unknown>>): Promise<Reply[] | undefined> {
  const formId = data.formId;
  const form = typeof formId === 'string' ? ctx.state.forms?.[formId] : undefined;
  if (typeof formId !== 'string' || !form || !isCategoryId(form.category) || !isSeverity(form.severity)) return undefined;

  const editable = maySetOwnSeverity(planFamilyOf(form.plan));
  const checked = validateCaseForm({ lang: ctx.lang, formId, data, assignedSeverity: form.severity, fallbackCategory: form.category, severityEditable: editable });
  if (!checked.ok) return [checked.form];
  const values = checked.values;
  const support = getCategory(values.category).support;
  const expectation = computeExpectation({
    plan: form.plan,
    severity: values.severity,
    support,
    at: ctx.now,
    timeZone: values.timeZone,
    ...(ctx.businessHours ? { businessHours: ctx.businessHours } : {}),
  });
  const affected = /^\d+$/.test(values.affectedUsers) ? Number(values.affectedUsers) : values.affectedUsers;
  const { user } = ctx.turn;
  const limitKey = rateLimitKey(ctx.turn);
  const caseBudget = await ctx.deps.rateLimiter?.mayCreateCase(limitKey, ctx.now.getTime());
  if (caseBudget && !caseBudget.allowed) {
    ctx.logger.warn({ user: user.id, tenant: ctx.turn.tenantId }, 'case creation rate limited');
    return [textReply(ctx.lang, strings(ctx.lang).slowDownCases(Math.max(1, Math.ceil(caseBudget.retryAfterMs / 60_000))), 'warning')];
  }
  let created: { case: SupportCase; created: boolean };
  try {
    created = await ctx.deps.store.createCase(
      {
        tenantId: ctx.turn.tenantId,
        requester: { channel: ctx.turn.channel, userId: user.id, name: user.name },
        category: values.category,
        severity: values.severity,
        planFamily: form.plan,
        title: values.title,
        description: values.description,
        contact: {
          method: values.contactMethod,
          ...(values.email ? { email: values.email } : {}),
          ...(values.phone ? { phone: values.phone } : {}),
          language: values.language,
          timeZone: values.timeZone,
        },
        affectedUsers: affected,
        ...(expectation?.respondBy ? { respondBy: expectation.respondBy } : {}),
        conversationReference: ctx.turn.conversationReference ?? null,
        extra: {
          triage: ctx.state.lastTriage ?? null,
          serviceIncident: ctx.state.lastTriage?.incident ?? null,
          officeProblemAfterAll: form.officeAfterAll,
          descriptionTruncated: checked.truncated,
          requesterEmail: user.email ?? null,
        },
      },
      formId,
    );
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      ctx.logger.warn({ err: error, formId }, 'case could not be saved');
      return [textReply(ctx.lang, strings(ctx.lang).couldNotSave, 'error')];
    }
    throw error;
  }
  const c = created.case;
  rememberCaseOpenedHere(ctx.state, c.number);
  if (created.created) await ctx.deps.rateLimiter?.caseCreated(limitKey, ctx.now.getTime());
  ctx.logger.info({ case: c.number, tenant: c.tenantId, created: created.created }, created.created ? 'case created' : 'case submitted again');
  if (created.created && ctx.deps.onCaseCreated) {
    try {
      ctx.deps.onCaseCreated(c);
    } catch (error) {
      ctx.logger.error({ err: error, case: c.number }, 'onCaseCreated failed');
    }
  }
  return [
    {
      kind: 'case-created',
      lang: ctx.lang,
      case: caseSummary(c, ctx.lang, ctx.zone),
      ...(expectation ? { expectation: expectationView(expectation, ctx.lang, true) } : {}),
      nextSteps: strings(ctx.lang).nextSteps(c.number),
    },
  ];
}

/** At most this many cases per `my cases` reply: a busy tenant's list stays a small card. */
export const CASE_LIST_PAGE_SIZE = 10;

/** Newest open cases first, then those closed within the reopen window; one page of them. */
export async function listMyCases(ctx: TurnContext, filter: CaseListFilter = { page: 1, closedOnly: false }): Promise<Reply[]> {
  const { store } = ctx.deps;
  const tenant = ctx.turn.tenantId;
  const offset = (filter.page - 1) * CASE_LIST_PAGE_SIZE;
  const severity = filter.severity ? { severity: filter.severity } : {};
  const closedSince = new Date(ctx.now.getTime() - REOPEN_WINDOW_DAYS * DAY_MS);
  const open = filter.closedOnly
    ? { cases: [], total: 0 }
    : await store.listCasePage(tenant, { status: 'open', ...severity, limit: CASE_LIST_PAGE_SIZE, offset });
  const room = CASE_LIST_PAGE_SIZE - open.cases.length;
  // The closed cases continue where the open ones end; with no room left only their count is needed.
  const closed = await store.listCasePage(tenant, {
    status: 'closed',
    closedSince,
    ...severity,
    limit: Math.max(room, 1),
    offset: Math.max(offset - open.total, 0),
  });
  const cases = [...open.cases, ...closed.cases.slice(0, room)];
  const remaining = Math.max(open.total + closed.total - offset - cases.length, 0);
  return [caseList({ cases, filter, remaining }, ctx.lang, ctx.zone)];
}

export async function showCase(ctx: TurnContext, number: string | undefined): Promise<Reply[]> {
  const s = strings(ctx.lang);
  if (!number) return [textReply(ctx.lang, s.caseNumberMissing)];
  const c = await ctx.deps.store.getCase(ctx.turn.tenantId, number);
  if (!c) return [textReply(ctx.lang, s.caseNotFound(number), 'warning')];
  return [caseDetail(c, ctx.lang, ctx.zone, ctx.now)];
}

export async function closeCase(ctx: TurnContext, number: string | undefined): Promise<Reply[]> {
  const s = strings(ctx.lang);
  if (!number) return [textReply(ctx.lang, s.caseNumberMissing)];
  const c = await ctx.deps.store.getCase(ctx.turn.tenantId, number);
  if (!c) return [textReply(ctx.lang, s.caseNotFound(number), 'warning')];
  if (c.status === 'closed') return [textReply(ctx.lang, s.caseAlreadyClosed(c.number))];
  const closed = await ctx.deps.store.updateCase(ctx.turn.tenantId, c.number, { status: 'closed' }, { actor: ctx.turn.user.id, action: 'closed' });
  caseChanged(ctx, closed, { action: 'closed', by: ctx.turn.user.id });
  return [textReply(ctx.lang, s.caseClosed(c.number))];
}

export async function reopenCase(ctx: TurnContext, number: string | undefined): Promise<Reply[]> {
  const s = strings(ctx.lang);
  if (!number) return [textReply(ctx.lang, s.caseNumberMissing)];
  const c = await ctx.deps.store.getCase(ctx.turn.tenantId, number);
  if (!c) return [textReply(ctx.lang, s.caseNotFound(number), 'warning')];
  if (c.status === 'open' || !c.closedAt) return [textReply(ctx.lang, s.caseAlreadyOpen(c.number))];
  const check = canReopen(c.closedAt, ctx.now);
  if (!check.allowed) return [textReply(ctx.lang, s.reopenExpired(c.number, formatDate(check.expiresAt, ctx.zone)), 'warning')];
  // A typed reason is kept in the audit entry; one that only says thanks does not reopen (like the desk's Reopen button).
  const note = !ctx.turn.action && ctx.turn.text ? reopenNoteOf(ctx.turn.text) : undefined;
  if (note !== undefined && isOnlyThanks(note)) return [textReply(ctx.lang, s.reopenOnlyThanks(c.number))];
  // Back in the support queue, unclaimed, as when the requester reopens from a notice.
  const reopened = await ctx.deps.store.updateCase(
    ctx.turn.tenantId,
    c.number,
    { status: 'open', owner: null },
    { actor: ctx.turn.user.id, action: 'reopened', ...(note !== undefined ? { detail: note } : {}) },
  );
  caseChanged(ctx, reopened, { action: 'reopened', by: ctx.turn.user.id, ...(note !== undefined ? { note } : {}) });
  return [textReply(ctx.lang, s.caseReopened(c.number))];
}

/** Tells the support desk (CoreDeps.onCaseChanged); a failure there never fails the turn. */
function caseChanged(ctx: TurnContext, c: SupportCase, change: CaseChangeNotice): void {
  if (!ctx.deps.onCaseChanged) return;
  try {
    ctx.deps.onCaseChanged(c, change);
  } catch (error) {
    ctx.logger.error({ err: error, case: c.number }, 'onCaseChanged failed');
  }
}
