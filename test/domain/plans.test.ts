import { describe, expect, it } from 'vitest';
import { PLANS, PLAN_FAMILIES, PLAN_FAMILY_IDS, resolvePlan, type PlanFamily } from '../../src/domain/plans.js';

/** Every plan of the seed's "Initial response time" table: its zh-TW header, its English name. */
const SEED_PLANS: ReadonlyArray<readonly [zh: string, en: string, family: PlanFamily]> = [
  ['Office 365 商務基本版', 'Office 365 Business Essentials', 'business'],
  ['Office 365 商務版', 'Office 365 Business', 'business'],
  ['Office 365 商務進階版', 'Office 365 Business Premium', 'business'],
  ['Office 365 教育版', 'Office 365 Education', 'business'],
  ['Office 365 Enterprise E1', 'Enterprise E1', 'enterprise'],
  ['Office 365 Enterprise E3', 'Enterprise E3', 'enterprise'],
  ['Office 365 Government G2', 'Government G2', 'enterprise'],
  ['Office 365 美國政府版 E3', 'U.S. Government E3', 'enterprise'],
  ['Office 365 企業版 F1', 'Enterprise F1', 'firstline'],
  ['Office 365 美國政府版 K1', 'U.S. Government K1', 'firstline'],
  ['Premier 支援', 'Premier', 'elevated'],
  ['Professional Direct 支援', 'Professional Direct', 'elevated'],
  ['適用於 Office 365 的 Microsoft Services', 'Microsoft Services', 'elevated'],
];

describe('resolvePlan: the seed plans', () => {
  it.each(SEED_PLANS)('%s / %s -> %s', (zh, en, family) => {
    const fromZh = resolvePlan(zh);
    const fromEn = resolvePlan(en);
    expect(fromZh?.family).toBe(family);
    expect(fromEn?.family).toBe(family);
    expect(fromZh?.plan).toBeDefined();
    expect(fromZh?.plan?.id).toBe(fromEn?.plan?.id);
    expect(fromZh?.plan?.inSeed).toBe(true);
  });

  it('knows the seed names without the "Office 365" brand, as admins shorten them', () => {
    expect(resolvePlan('商務基本版')?.plan?.id).toBe('o365-business-essentials');
    expect(resolvePlan('商務版')?.plan?.id).toBe('o365-business');
    expect(resolvePlan('商務進階版')?.plan?.id).toBe('o365-business-premium');
    expect(resolvePlan('教育版')?.plan?.id).toBe('o365-education');
    expect(resolvePlan('美國政府版 E3')?.plan?.id).toBe('o365-us-government-e3');
    expect(resolvePlan('美國政府版 K1')?.plan?.id).toBe('o365-us-government-k1');
    expect(resolvePlan('企業版 F1')?.plan?.id).toBe('o365-f1');
  });

  it('marks exactly the thirteen plans of the seed table as seed plans', () => {
    expect(PLANS.filter((p) => p.inSeed)).toHaveLength(SEED_PLANS.length);
  });
});

describe('resolvePlan: spelling', () => {
  it.each([
    ['e3', 'enterprise', 'o365-e3'],
    ['E3', 'enterprise', 'o365-e3'],
    ['Office 365 E3', 'enterprise', 'o365-e3'],
    ['office365e3', 'enterprise', 'o365-e3'],
    ['O365-E3', 'enterprise', 'o365-e3'],
    ['business premium', 'business', 'o365-business-premium'],
    ['Business-Premium', 'business', 'o365-business-premium'],
    ['premier', 'elevated', 'premier'],
    ['PREMIER SUPPORT', 'elevated', 'premier'],
    ['US Government E3', 'enterprise', 'o365-us-government-e3'],
    ['u.s. government k1', 'firstline', 'o365-us-government-k1'],
    ['Office 365 美國政府版E3', 'enterprise', 'o365-us-government-e3'],
    ['E3 license', 'enterprise', 'o365-e3'],
    ['商務進階版方案', 'business', 'o365-business-premium'],
  ] as const)('%j -> %s', (text, family, planId) => {
    const resolved = resolvePlan(text);
    expect(resolved?.family).toBe(family);
    expect(resolved?.plan?.id).toBe(planId);
  });

  it('takes a family id or a family display name as a family, without a plan', () => {
    for (const family of PLAN_FAMILY_IDS) {
      expect(resolvePlan(family)).toEqual({ family });
      expect(resolvePlan(family.toUpperCase())).toEqual({ family });
      expect(resolvePlan(PLAN_FAMILIES[family].name['zh-TW'])).toEqual({ family });
    }
    expect(resolvePlan('Elevated support')).toEqual({ family: 'elevated' });
  });
});

describe("resolvePlan: today's names", () => {
  it.each([
    ['Microsoft 365 Business Basic', 'business'],
    ['Business Standard', 'business'],
    ['Microsoft 365 Business Premium', 'business'],
    ['Microsoft 365 Apps for business', 'business'],
    ['Microsoft 365 A3', 'business'],
    ['A1', 'business'],
    ['M365 E3', 'enterprise'],
    ['Microsoft 365 E5', 'enterprise'],
    ['Office 365 E5', 'enterprise'],
    ['Office 365 G3', 'enterprise'],
    ['F3', 'firstline'],
    ['Microsoft 365 F3', 'firstline'],
    ['Unified Support', 'elevated'],
    ['ProDirect', 'elevated'],
  ] as const)('%s -> %s', (text, family) => {
    expect(resolvePlan(text)?.family).toBe(family);
  });

  it('keeps Microsoft 365 Business Premium and Office 365 Business Premium apart', () => {
    expect(resolvePlan('Microsoft 365 Business Premium')?.plan?.id).toBe('m365-business-premium');
    expect(resolvePlan('Office 365 Business Premium')?.plan?.id).toBe('o365-business-premium');
  });
});

describe('resolvePlan: paid standalone plans', () => {
  it.each(['Exchange Online Plan 1', 'Exchange Online (方案 2)', 'SharePoint Online Plan 2', 'Project Plan 3', 'Visio Plan 2', 'Power BI Pro', 'Office 365 ProPlus'])(
    '%s is a listed standalone plan in the enterprise family',
    (text) => {
      const resolved = resolvePlan(text);
      expect(resolved?.family).toBe('enterprise');
      expect(resolved?.plan?.standalone).toBe(true);
    },
  );

  it('takes an unlisted "<product> plan" as an enterprise standalone plan and says it assumed so', () => {
    expect(resolvePlan('Intune Plan 1')).toEqual({ family: 'enterprise', assumedStandalone: true });
    expect(resolvePlan('Microsoft Defender for Office 365 standalone')).toEqual({ family: 'enterprise', assumedStandalone: true });
    expect(resolvePlan('Teams 獨立方案')).toEqual({ family: 'enterprise', assumedStandalone: true });
  });

  it('does not take "plan" alone as a product', () => {
    expect(resolvePlan('our vacation plan')).toBeUndefined();
    expect(resolvePlan('plan B')).toBeUndefined();
  });
});

describe('resolvePlan: a plan named inside a sentence', () => {
  it('finds one plan', () => {
    expect(resolvePlan('we are on Office 365 E3')?.plan?.id).toBe('o365-e3');
    expect(resolvePlan('We have E5 licenses for 200 users')?.family).toBe('enterprise');
    expect(resolvePlan('我們用商務基本版')?.plan?.id).toBe('o365-business-essentials');
  });

  it('gives up when the sentence names plans of different families', () => {
    expect(resolvePlan('we moved from E3 to Business Premium')).toBeUndefined();
  });

  it('does not read ordinary words as plan names', () => {
    expect(resolvePlan('our business is down')).toBeUndefined();
    expect(resolvePlan('I have a 1 user problem')).toBeUndefined();
    expect(resolvePlan('we use Microsoft services')).toBeUndefined();
    expect(resolvePlan('我們企業的信箱壞了')).toBeUndefined();
  });
});

describe('resolvePlan: garbage', () => {
  it.each(['', '   ', 'hello', 'asdfgh', 'E99', '???', 'Office 365', 'Microsoft 365', '12345'])('%j -> undefined', (text) => {
    expect(resolvePlan(text)).toBeUndefined();
  });
});

describe('plan data', () => {
  it('gives every plan a unique id and both names', () => {
    expect(new Set(PLANS.map((p) => p.id)).size).toBe(PLANS.length);
    for (const p of PLANS) {
      expect(p.name.en.trim()).not.toBe('');
      expect(p.name['zh-TW'].trim()).not.toBe('');
    }
  });

  it('resolves every plan by its own names to itself or a plan of the same family', () => {
    for (const p of PLANS) {
      for (const name of [p.name.en, p.name['zh-TW'], ...p.aliases, ...p.wholeTextNames]) {
        expect(resolvePlan(name)?.family, name).toBe(p.family);
      }
      expect(resolvePlan(p.name.en)?.plan?.id, p.name.en).toBe(p.id);
    }
  });

  it('puts every standalone plan in the enterprise family, as the seed says', () => {
    for (const p of PLANS.filter((plan) => plan.standalone)) expect(p.family).toBe('enterprise');
  });
});
