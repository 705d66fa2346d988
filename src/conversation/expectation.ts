/** The response expectation for a tenant's plan, as the replies show it. */
import { formatMoment } from './case-views.js';
import { PLAN_FAMILIES } from '../domain/plans.js';
import { responseExpectation, type ResponseExpectation } from '../domain/response-times.js';
import type { BusinessHours } from '../domain/business-hours.js';
import type { Severity } from '../domain/severity.js';
import type { Lang, SupportKind } from '../domain/taxonomy.js';
import type { ResponseExpectationView } from './types.js';

export interface ExpectationInput {
  readonly plan: string;
  readonly severity: Severity;
  readonly support: SupportKind;
  readonly at: Date;
  readonly timeZone: string;
  readonly businessHours?: BusinessHours;
}

export function computeExpectation(input: ExpectationInput): ResponseExpectation | undefined {
  const line = input.support === 'billing' || input.support === 'presales' ? input.support : 'technical';
  try {
    return responseExpectation({
      plan: input.plan,
      severity: input.severity,
      at: input.at,
      timeZone: input.timeZone,
      support: line,
      ...(input.businessHours ? { businessHours: input.businessHours } : {}),
    });
  } catch {
    // An unknown stored plan must not break the answer: it is asked again on "change plan".
    return undefined;
  }
}

export function expectationView(expectation: ResponseExpectation, lang: Lang): ResponseExpectationView {
  return {
    family: expectation.family,
    planName: expectation.plan?.name[lang] ?? PLAN_FAMILIES[expectation.family].name[lang],
    severity: expectation.severity,
    summary: expectation.summary[lang],
    ...(expectation.respondBy ? { respondBy: formatMoment(expectation.respondBy, expectation.timeZone) } : {}),
  };
}
