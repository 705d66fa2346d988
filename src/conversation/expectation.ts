/** The response expectation for a tenant's plan, as the replies show it. */
import { formatMoment } from '../domain/time.js';
import { PLAN_FAMILIES } from '../domain/plans.js';
import { responseExpectation, supportLineOf, type ResponseExpectation } from '../domain/response-times.js';
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
  try {
    return responseExpectation({
      plan: input.plan,
      severity: input.severity,
      at: input.at,
      timeZone: input.timeZone,
      support: supportLineOf(input.support),
      ...(input.businessHours ? { businessHours: input.businessHours } : {}),
    });
  } catch {
    // An unknown stored plan must not break the answer: it is asked again on "change plan".
    return undefined;
  }
}

const MINUTE_MS = 60_000;
const MAX_CACHED_VIEWS = 1_000;
let cachedMinute = Number.NaN;
const cachedViews = new Map<string, ResponseExpectationView | undefined>();

/**
 * `expectationView(computeExpectation(input), lang)`, remembered for the rest of the minute: a
 * view shows times to the minute, and every time in it moves with `at` by whole minutes (an hour
 * later, the end of the next day, the next opening of business hours), so within one minute the
 * same plan, severity, line, zone and hours read the same. For display only: a case's stored
 * due time comes from `computeExpectation`, to the millisecond.
 */
export function expectationViewAt(input: ExpectationInput, lang: Lang): ResponseExpectationView | undefined {
  const minute = Math.floor(input.at.getTime() / MINUTE_MS);
  if (minute !== cachedMinute || cachedViews.size >= MAX_CACHED_VIEWS) {
    cachedViews.clear();
    cachedMinute = minute;
  }
  const key = `${lang}|${input.plan}|${input.severity}|${input.support}|${input.timeZone}|${input.businessHours ? hoursKey(input.businessHours) : ''}`;
  if (cachedViews.has(key)) return cachedViews.get(key);
  const expectation = computeExpectation(input);
  const view = expectation ? expectationView(expectation, lang) : undefined;
  cachedViews.set(key, view);
  return view;
}

/** The configured hours are one object for the life of the process: serialised once, not per reply. */
const hoursKeys = new WeakMap<BusinessHours, string>();
function hoursKey(hours: BusinessHours): string {
  let key = hoursKeys.get(hours);
  if (key === undefined) hoursKeys.set(hours, (key = JSON.stringify(hours)));
  return key;
}

/** `opened`: the case exists, so the view says when to expect a response, not "if you open a case now". */
export function expectationView(expectation: ResponseExpectation, lang: Lang, opened = false): ResponseExpectationView {
  return {
    family: expectation.family,
    planName: expectation.plan?.name[lang] ?? PLAN_FAMILIES[expectation.family].name[lang],
    severity: expectation.severity,
    summary: (opened ? expectation.summaryOpened : expectation.summary)[lang],
    ...(expectation.respondBy ? { respondBy: formatMoment(expectation.respondBy, expectation.timeZone) } : {}),
  };
}
