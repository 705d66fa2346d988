/**
 * SKU part numbers (Graph `subscribedSkus[].skuPartNumber`, Microsoft's "Product names and
 * service plan identifiers for licensing" list) -> the plan the seed's response times are read by.
 * Data, one line per SKU; test/graph/skus.test.ts holds a case for each.
 */
import { PLAN_FAMILIES, PLANS, type Plan, type PlanFamily } from '../domain/plans.js';

export const SKU_PLANS: Readonly<Record<string, string>> = {
  O365_BUSINESS_ESSENTIALS: 'o365-business-essentials',
  SMB_BUSINESS_ESSENTIALS: 'o365-business-essentials',
  O365_BUSINESS: 'o365-business',
  SMB_BUSINESS: 'o365-business',
  // Microsoft 365 Business Standard still carries its old part number.
  O365_BUSINESS_PREMIUM: 'o365-business-premium',
  SMB_BUSINESS_PREMIUM: 'o365-business-premium',
  SPB: 'm365-business-premium',
  STANDARDWOFFPACK_FACULTY: 'o365-education',
  STANDARDWOFFPACK_STUDENT: 'o365-education',
  ENTERPRISEPACKPLUS_FACULTY: 'o365-education',
  ENTERPRISEPACKPLUS_STUDENT: 'o365-education',
  ENTERPRISEPREMIUM_FACULTY: 'o365-education',
  ENTERPRISEPREMIUM_STUDENT: 'o365-education',
  STANDARDPACK: 'o365-e1',
  ENTERPRISEPACK: 'o365-e3',
  ENTERPRISEPREMIUM: 'o365-e5',
  SPE_E3: 'm365-e3',
  SPE_E5: 'm365-e5',
  M365_F1: 'm365-f1',
  SPE_F1: 'm365-f3',
  EXCHANGESTANDARD: 'exchange-online-plan-1',
  EXCHANGEENTERPRISE: 'exchange-online-plan-2',
};

/**
 * Families by how good their response times are (the seed's table): elevated beats the 24/7
 * families, which beat business hours. Enterprise and Firstline promise the same; Enterprise first.
 */
const FAMILY_RANK: readonly PlanFamily[] = ['elevated', 'enterprise', 'firstline', 'business'];

export interface SubscribedSku {
  readonly skuPartNumber?: string;
  readonly capabilityStatus?: string;
  readonly consumedUnits?: number;
  readonly prepaidUnits?: { readonly enabled?: number };
}

export interface PlanFromSkus {
  readonly plan: Plan;
  /** Other families the tenant also has, best first (said on the card). */
  readonly otherFamilies: readonly PlanFamily[];
}

const planById = new Map(PLANS.map((p) => [p.id, p]));

/** The plan with the best response times among the tenant's active, known SKUs; undefined: none known. */
export function planFromSkus(skus: readonly SubscribedSku[]): PlanFromSkus | undefined {
  const plans = skus
    .filter((s) => s.capabilityStatus === undefined || s.capabilityStatus === 'Enabled' || s.capabilityStatus === 'Warning')
    .filter((s) => (s.prepaidUnits?.enabled ?? 1) > 0)
    .map((s) => planById.get(SKU_PLANS[String(s.skuPartNumber).toUpperCase()] ?? ''))
    .filter((p): p is Plan => p !== undefined);
  if (plans.length === 0) return undefined;
  const rank = (p: Plan): number => FAMILY_RANK.indexOf(p.family);
  // Within a family, the suite (not a standalone add-on) names the plan best.
  const sorted = [...plans].sort((a, b) => rank(a) - rank(b) || Number(a.standalone) - Number(b.standalone));
  const best = sorted[0]!;
  const others = [...new Set(sorted.map((p) => p.family))].filter((f) => f !== best.family);
  return { plan: best, otherFamilies: others };
}

export function familyName(family: PlanFamily, lang: 'en' | 'zh-TW'): string {
  return PLAN_FAMILIES[family].name[lang];
}
