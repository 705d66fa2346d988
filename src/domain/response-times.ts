/**
 * The seed's "Initial response time" table as data, and what it means for one admin at one
 * instant: when support is available, by when a first response is due, and a short sentence
 * saying so in English and Traditional Chinese, with times in the admin's own zone.
 */
import { DateTime } from 'luxon';
import type { Lang, Localized, SupportKind } from './taxonomy.js';
import { AREAS } from './taxonomy.js';
import type { Severity } from './severity.js';
import { PLAN_FAMILIES, isPlanFamily, resolvePlan, type Plan, type PlanFamily } from './plans.js';
import {
  DEFAULT_BUSINESS_HOURS,
  WEEKDAYS,
  checkTimeZone,
  isWithinBusinessHours,
  nextBusinessOpening,
  type BusinessHours,
} from './business-hours.js';
import { endOfLocalDay } from './zone-offset.js';

export type Availability = '24x7' | 'business-hours';
export type ResponseObjective = 'one-hour' | 'two-hours' | 'four-hours' | 'next-day' | 'no-commitment';

export interface ResponseTarget {
  readonly availability: Availability;
  readonly objective: ResponseObjective;
}

const target = (availability: Availability, objective: ResponseObjective): ResponseTarget => ({ availability, objective });

/** taxonomy.md, "Response-time objectives": family × severity. */
export const RESPONSE_TIME_TABLE: Readonly<Record<PlanFamily, Readonly<Record<Severity, ResponseTarget>>>> = {
  business: {
    A: target('24x7', 'one-hour'),
    B: target('business-hours', 'no-commitment'),
    C: target('business-hours', 'no-commitment'),
  },
  enterprise: {
    A: target('24x7', 'one-hour'),
    B: target('24x7', 'next-day'),
    C: target('24x7', 'no-commitment'),
  },
  firstline: {
    A: target('24x7', 'one-hour'),
    B: target('24x7', 'next-day'),
    C: target('24x7', 'no-commitment'),
  },
  elevated: {
    A: target('24x7', 'one-hour'),
    B: target('24x7', 'two-hours'),
    C: target('24x7', 'four-hours'),
  },
};

/**
 * Billing, subscription and pre-sales support: local business hours, Monday to Friday, for
 * every plan. The seed states no response time for them, so none is promised.
 */
export const BILLING_AND_PRESALES_TARGET: ResponseTarget = target('business-hours', 'no-commitment');

export type SupportLine = 'technical' | 'billing' | 'presales';

/** Billing and pre-sales have their own line; everything else is answered as technical support. */
export function supportLineOf(support: SupportKind): SupportLine {
  return support === 'billing' || support === 'presales' ? support : 'technical';
}

export interface ResponseExpectationInput {
  /** A family id or whatever the admin calls their plan ("E3", "商務進階版"). */
  readonly plan: string | PlanFamily;
  readonly severity: Severity;
  /** When the case would be opened. */
  readonly at: Date;
  /** The admin's IANA zone; an unknown zone falls back to UTC (see `timeZoneFellBackToUtc`). */
  readonly timeZone: string;
  /** Microsoft's local business hours for the admin; Monday-Friday 09:00-17:00 by default. */
  readonly businessHours?: BusinessHours;
  readonly support?: SupportLine;
}

export interface ResponseExpectation {
  readonly family: PlanFamily;
  /** Present when the plan text named a listed plan. */
  readonly plan?: Plan;
  readonly severity: Severity;
  readonly support: SupportLine;
  readonly availability: Availability;
  readonly objective: ResponseObjective;
  /** When a first response is due; absent where the seed makes no commitment. */
  readonly respondBy?: Date;
  /** Whether support on this line is staffed at `at`. */
  readonly openNow: boolean;
  /** The next opening of business hours, when closed now. */
  readonly resumesAt?: Date;
  /** The zone used for local times and for "next day". */
  readonly timeZone: string;
  readonly timeZoneFellBackToUtc: boolean;
  readonly summary: Localized;
  /** The same for a case that is already open: "expect a response by …", not "if you open a case now". */
  readonly summaryOpened: Localized;
}

export class UnknownPlanError extends Error {
  constructor(readonly planText: string) {
    super(`Unknown plan "${planText}": name a plan (for example "Office 365 E3", "商務進階版") or a family (business, enterprise, firstline, elevated)`);
    this.name = 'UnknownPlanError';
  }
}

const HOUR_MS = 60 * 60 * 1000;
const FIXED_OBJECTIVE_MS: Partial<Record<ResponseObjective, number>> = {
  'one-hour': HOUR_MS,
  'two-hours': 2 * HOUR_MS,
  'four-hours': 4 * HOUR_MS,
};

/**
 * When the first response is due for a target that is staffed around the clock.
 *
 * "Next day" is read as: by the END of the next calendar day in the admin's time zone, that is
 * 23:59:59.999 local time on the day after `at`. The seed gives no hour, and an admin reading
 * "next day" expects the whole of tomorrow, not 24 hours from now; computing it on the local
 * calendar keeps it right across daylight-saving changes.
 */
function dueTime(objective: ResponseObjective, at: Date, zone: string): Date | undefined {
  const fixed = FIXED_OBJECTIVE_MS[objective];
  if (fixed !== undefined) return new Date(at.getTime() + fixed);
  if (objective === 'next-day') {
    // luxon's plus({ days: 1 }).endOf('day'), without its cost (the SLA pass computes this per case).
    return endOfLocalDay(at, zone, 1);
  }
  return undefined;
}

function resolveFamily(planText: string): { family: PlanFamily; plan?: Plan } {
  if (isPlanFamily(planText)) return { family: planText };
  const resolved = resolvePlan(planText);
  if (!resolved) throw new UnknownPlanError(planText);
  return resolved.plan ? { family: resolved.family, plan: resolved.plan } : { family: resolved.family };
}

/** The plan's target for this severity and support line, in the admin's zone. */
function targetOf(input: ResponseExpectationInput) {
  const support = input.support ?? 'technical';
  const { family, plan } = resolveFamily(input.plan);
  const { zone, fellBackToUtc } = checkTimeZone(input.timeZone);
  const configured = input.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const technical = support === 'technical';
  const { availability, objective } = technical ? RESPONSE_TIME_TABLE[family][input.severity] : BILLING_AND_PRESALES_TARGET;
  // Billing and pre-sales keep the local hours but the seed fixes the days: Monday to Friday.
  const hours: BusinessHours = technical ? configured : { ...configured, days: WEEKDAYS };
  return { support, family, plan, zone, fellBackToUtc, availability, objective, hours };
}

/**
 * Only the respond-by moment of a 24/7 objective (undefined otherwise): what the SLA watch needs
 * for every due case, without the admin-readable sentences (their local-time formatting is the
 * costly part of `responseExpectation`).
 */
export function respondByFor(input: ResponseExpectationInput): Date | undefined {
  const { availability, objective, zone } = targetOf(input);
  return availability === '24x7' ? dueTime(objective, input.at, zone) : undefined;
}

export function responseExpectation(input: ResponseExpectationInput): ResponseExpectation {
  const { severity, at } = input;
  const { support, family, plan, zone, fellBackToUtc, availability, objective, hours } = targetOf(input);

  const openNow = availability === '24x7' || isWithinBusinessHours(at, zone, hours);
  const resumesAt = openNow ? undefined : nextBusinessOpening(at, zone, hours);
  const respondBy = availability === '24x7' ? dueTime(objective, at, zone) : undefined;

  const facts: SummaryFacts = { family, severity, support, availability, objective, at, zone, fellBackToUtc, openNow };
  if (respondBy) facts.respondBy = respondBy;
  if (resumesAt) facts.resumesAt = resumesAt;

  return {
    family,
    ...(plan ? { plan } : {}),
    severity,
    support,
    availability,
    objective,
    ...(respondBy ? { respondBy } : {}),
    openNow,
    ...(resumesAt ? { resumesAt } : {}),
    timeZone: zone,
    timeZoneFellBackToUtc: fellBackToUtc,
    summary: { en: summarize(facts, 'en'), 'zh-TW': summarize(facts, 'zh-TW') },
    summaryOpened: { en: summarize(facts, 'en', true), 'zh-TW': summarize(facts, 'zh-TW', true) },
  };
}

// ---- the admin-readable sentence -----------------------------------------------------------

interface SummaryFacts {
  family: PlanFamily;
  severity: Severity;
  support: SupportLine;
  availability: Availability;
  objective: ResponseObjective;
  at: Date;
  zone: string;
  fellBackToUtc: boolean;
  openNow: boolean;
  respondBy?: Date;
  resumesAt?: Date;
}

const WEEKDAY_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  'zh-TW': ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
};

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A local time as an admin reads it: "14:05" today, "Monday 09:00" within the coming week,
 * "Monday 16 March 09:00" beyond. Weekday names are spelled here, not taken from Intl, so the
 * text does not depend on the ICU data Node was built with.
 */
function localTime(instant: Date, reference: Date, zone: string, lang: Lang): string {
  const when = DateTime.fromJSDate(instant, { zone });
  const today = DateTime.fromJSDate(reference, { zone }).startOf('day');
  const daysAhead = Math.round(when.startOf('day').diff(today, 'days').days);
  const clock = when.toFormat('HH:mm');
  if (daysAhead === 0) return clock;
  const weekday = WEEKDAY_NAMES[lang][when.weekday - 1] ?? '';
  if (daysAhead > 0 && daysAhead < 7) return `${weekday} ${clock}`;
  return lang === 'en'
    ? `${weekday} ${when.day} ${MONTH_NAMES[when.month - 1] ?? ''} ${clock}`
    : `${when.month}月${when.day}日 ${weekday} ${clock}`;
}

const PHRASES = {
  en: {
    availability: { '24x7': '24/7', 'business-hours': 'business hours' },
    weekdaysOnly: 'business hours, Monday to Friday',
    objective: {
      'one-hour': 'initial response within one hour',
      'two-hours': 'initial response within two hours',
      'four-hours': 'initial response within four hours',
      'next-day': 'initial response by the end of the next day',
      'no-commitment': 'no commitment',
    },
    yourTime: (fellBack: boolean) => (fellBack ? 'UTC' : 'your time'),
    respondBy: (t: string, zone: string) => `; if you open a case now, expect a response by ${t} ${zone}`,
    respondByOpened: (t: string, zone: string) => `; expect a response by ${t} ${zone}`,
    resumes: (t: string, zone: string) => `; business hours resume ${t} ${zone}`,
    openNow: '; support is open now',
    anyTime: '; you can open a case at any time',
    sep: ': ',
    comma: ', ',
  },
  'zh-TW': {
    availability: { '24x7': '全天候（24/7）', 'business-hours': '上班時間' },
    weekdaysOnly: '上班時間（星期一至星期五）',
    objective: {
      'one-hour': '一小時內初步回應',
      'two-hours': '兩小時內初步回應',
      'four-hours': '四小時內初步回應',
      'next-day': '隔天結束前初步回應',
      'no-commitment': '無回應時間承諾',
    },
    yourTime: (fellBack: boolean) => (fellBack ? 'UTC 時間' : '您當地時間'),
    respondBy: (t: string, zone: string) => `；若現在提出案件，預計在 ${t}（${zone}）前獲得回應`,
    respondByOpened: (t: string, zone: string) => `；預計在 ${t}（${zone}）前獲得回應`,
    resumes: (t: string, zone: string) => `；上班時間將於 ${t}（${zone}）恢復`,
    openNow: '；目前為上班時間',
    anyTime: '；可隨時提出案件',
    sep: '：',
    comma: '，',
  },
} as const;

function label(facts: SummaryFacts, lang: Lang): string {
  if (facts.support === 'billing') return AREAS.billing.name[lang];
  if (facts.support === 'presales') return AREAS.presales.name[lang];
  return `${PLAN_FAMILIES[facts.family].name[lang]} · Sev ${facts.severity}`;
}

function summarize(facts: SummaryFacts, lang: Lang, opened = false): string {
  const p = PHRASES[lang];
  const zoneLabel = p.yourTime(facts.fellBackToUtc);
  const availability = facts.support === 'technical' ? p.availability[facts.availability] : p.weekdaysOnly;

  let tail: string;
  if (facts.respondBy) tail = (opened ? p.respondByOpened : p.respondBy)(localTime(facts.respondBy, facts.at, facts.zone, lang), zoneLabel);
  else if (facts.resumesAt) tail = p.resumes(localTime(facts.resumesAt, facts.at, facts.zone, lang), zoneLabel);
  else if (opened) tail = '';
  else tail = facts.availability === '24x7' ? p.anyTime : p.openNow;

  return `${label(facts, lang)}${p.sep}${availability}${p.comma}${p.objective[facts.objective]}${tail}`;
}
