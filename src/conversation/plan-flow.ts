/** The tenant's plan: asked once, remembered per tenant, changed on request; then the pending step resumes. */
import { openForm } from './case-flow.js';
import { answerLastTriage } from './complaint-flow.js';
import type { TurnContext } from './context.js';
import { planDisplayName, planQuestion, planToStore } from './questions.js';
import { strings } from './strings/index.js';
import { answerSupportQuestion, supportQuestionOf } from './support-questions.js';
import type { Reply } from './types.js';
import { textReply } from './welcome.js';

export function askPlanAgain(ctx: TurnContext): Reply[] {
  ctx.state.planQuestion = ctx.state.planQuestion ?? { kind: 'nothing' };
  return [planQuestion(ctx.lang)];
}

/** A chosen or typed plan. undefined when the text names no plan. */
export async function acceptPlan(ctx: TurnContext, text: string): Promise<Reply[] | undefined> {
  const plan = planToStore(text);
  if (!plan) return undefined;
  ctx.tenant = await ctx.deps.store.setTenantPlan(ctx.turn.tenantId, plan);
  const after = ctx.state.planQuestion ?? { kind: 'nothing' as const };
  ctx.state.planQuestion = undefined;
  const saved = textReply(ctx.lang, strings(ctx.lang).planSaved(planDisplayName(plan, ctx.lang)));
  if (after.kind === 'answer') return [saved, ...(await answerLastTriage(ctx))];
  if (after.kind === 'openForm') return [saved, ...((await openForm(ctx, after.officeAfterAll)) ?? [])];
  const question = after.kind === 'supportQuestion' ? supportQuestionOf(after.text) : undefined;
  if (question && after.kind === 'supportQuestion') return [saved, ...answerSupportQuestion(ctx, question, after.text)];
  return [saved];
}

/** Choose pressed with nothing picked: say so, and ask again. The pending step stays pending. */
export function pickPlanFirst(ctx: TurnContext): Reply[] {
  ctx.state.planQuestion = ctx.state.planQuestion ?? { kind: 'nothing' };
  return [textReply(ctx.lang, strings(ctx.lang).pickPlan, 'warning'), planQuestion(ctx.lang)];
}

export function planNotRecognized(ctx: TurnContext, text: string): Reply[] {
  return [textReply(ctx.lang, strings(ctx.lang).planNotRecognized(text), 'warning'), planQuestion(ctx.lang)];
}
