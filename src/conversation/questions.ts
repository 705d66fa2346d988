/** The questions the core asks: which category, which service, who is affected, which plan. */
import { PLANS, PLAN_FAMILIES, PLAN_FAMILY_IDS, resolvePlan } from '../domain/plans.js';
import { AREAS, CATEGORIES, categoryDisplayName, type AreaId, type CategoryId, type Lang } from '../domain/taxonomy.js';
import { strings } from './strings/index.js';
import type { Scope } from './state.js';
import type { ChoiceOption, PlanQuestionReply, QuestionReply } from './types.js';

/** Service areas offered when a message names none. */
export const SERVICE_AREAS = ['exchange', 'sharepoint', 'skype', 'office', 'tenant', 'identity', 'billing', 'presales'] as const satisfies readonly AreaId[];
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export function isServiceArea(value: unknown): value is ServiceArea {
  return typeof value === 'string' && (SERVICE_AREAS as readonly string[]).includes(value);
}

export const SCOPE_ANSWERS = ['single', 'several', 'everyone'] as const satisfies readonly Scope[];
export type ScopeAnswer = (typeof SCOPE_ANSWERS)[number];

export function isScopeAnswer(value: unknown): value is ScopeAnswer {
  return typeof value === 'string' && (SCOPE_ANSWERS as readonly string[]).includes(value);
}

/** Words appended to the message so the triage engine can place it with the answers. */
export const SCOPE_HINTS: Readonly<Record<ScopeAnswer, string>> = { single: 'one user', several: 'several users', everyone: 'everyone' };

export function serviceHint(area: ServiceArea): string {
  return AREAS[area].name.en;
}

export function scopeTitle(scope: Scope, lang: Lang): string {
  const s = strings(lang);
  return { single: s.scopeSingle, several: s.scopeSeveral, everyone: s.scopeEveryone, unspecified: s.scopeUnspecified }[scope];
}

export function serviceQuestion(lang: Lang): QuestionReply {
  return {
    kind: 'question',
    lang,
    question: strings(lang).askService,
    field: 'service',
    options: SERVICE_AREAS.map((area) => ({ value: area, title: AREAS[area].name[lang] })),
    verb: 'answerClarification',
  };
}

export function scopeQuestion(lang: Lang): QuestionReply {
  return {
    kind: 'question',
    lang,
    question: strings(lang).askScope,
    field: 'scope',
    options: SCOPE_ANSWERS.map((scope) => ({ value: scope, title: scopeTitle(scope, lang) })),
    verb: 'answerClarification',
  };
}

/** Every category a complaint can be placed in, the likely ones first; optionally one area only. */
export function categoryQuestion(lang: Lang, first: readonly CategoryId[] = [], area?: AreaId): QuestionReply {
  const all = CATEGORIES.filter((c) => c.id !== 'unknown' && (area === undefined || c.area === area)).map((c) => c.id as CategoryId);
  const ordered = [...first.filter((id) => all.includes(id)), ...all.filter((id) => !first.includes(id))];
  return {
    kind: 'question',
    lang,
    question: strings(lang).askCategory,
    field: 'category',
    options: ordered.map((id) => ({ value: id, title: categoryDisplayName(id, lang) })),
    verb: 'pickCategory',
  };
}

/** "Is this about mail delivery or about a mailbox's settings?": only the engine's close candidates. */
export function clarifyQuestion(lang: Lang, candidates: readonly CategoryId[]): QuestionReply {
  const names = candidates.map((id) => categoryDisplayName(id, lang));
  return {
    kind: 'question',
    lang,
    question: strings(lang).askBetween(names),
    field: 'category',
    options: candidates.map((id, i) => ({ value: id, title: names[i]! })),
    verb: 'pickCategory',
  };
}

/** Plan families first, then the plans the seed names, each titled in both languages. */
export function planOptions(lang: Lang): ChoiceOption[] {
  const other: Lang = lang === 'en' ? 'zh-TW' : 'en';
  const s = strings(lang);
  const families = PLAN_FAMILY_IDS.map((id) => ({
    value: id,
    title: s.planFamilyOption(`${PLAN_FAMILIES[id].name[lang]} / ${PLAN_FAMILIES[id].name[other]}`, PLAN_FAMILIES[id].covers[lang]),
  }));
  const plans = PLANS.filter((p) => p.inSeed).map((p) => ({
    value: p.name.en,
    title: p.name.en === p.name['zh-TW'] ? p.name[lang] : `${p.name[lang]} / ${p.name[other]}`,
  }));
  return [...families, ...plans];
}

export function planQuestion(lang: Lang): PlanQuestionReply {
  return { kind: 'plan-question', lang, question: strings(lang).askPlan, options: planOptions(lang) };
}

/** What to store for a typed or chosen plan: the plan's English name, or the family id. */
export function planToStore(text: string): string | undefined {
  const resolved = resolvePlan(text);
  if (!resolved) return undefined;
  return resolved.plan ? resolved.plan.name.en : resolved.assumedStandalone ? text.trim() : resolved.family;
}

export function planDisplayName(plan: string, lang: Lang): string {
  const resolved = resolvePlan(plan);
  if (!resolved) return plan;
  return resolved.plan ? resolved.plan.name[lang] : resolved.assumedStandalone ? plan : PLAN_FAMILIES[resolved.family].name[lang];
}
