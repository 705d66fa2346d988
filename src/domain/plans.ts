/**
 * Office 365 plans and the four support families the seed's "Initial response time" table is
 * read by (shared/support/taxonomy.md). Pure data plus a forgiving name resolver: admins type
 * plan names in English or Traditional Chinese, with today's Microsoft 365 names or the seed's.
 */
import { hasCjk } from './scripts.js';
import type { Localized } from './taxonomy.js';

export const PLAN_FAMILY_IDS = ['business', 'enterprise', 'firstline', 'elevated'] as const;
export type PlanFamily = (typeof PLAN_FAMILY_IDS)[number];

export interface PlanFamilyInfo {
  readonly id: PlanFamily;
  readonly name: Localized;
  /** Which plans belong here, in the seed's terms. */
  readonly covers: Localized;
}

export const PLAN_FAMILIES: Readonly<Record<PlanFamily, PlanFamilyInfo>> = {
  business: {
    id: 'business',
    name: { en: 'Business', 'zh-TW': '商務' },
    covers: {
      en: 'Business Essentials, Business, Business Premium and Education plans',
      'zh-TW': '商務基本版、商務版、商務進階版與教育版方案',
    },
  },
  enterprise: {
    id: 'enterprise',
    name: { en: 'Enterprise', 'zh-TW': '企業' },
    covers: {
      en: 'Enterprise E1 and E3, Government G2, U.S. Government E3 and every paid standalone plan',
      'zh-TW': 'Enterprise E1 與 E3、Government G2、美國政府版 E3，以及所有付費獨立方案',
    },
  },
  firstline: {
    id: 'firstline',
    name: { en: 'Firstline', 'zh-TW': '第一線' },
    covers: { en: 'Enterprise F1 and U.S. Government K1', 'zh-TW': '企業版 F1 與美國政府版 K1' },
  },
  elevated: {
    id: 'elevated',
    name: { en: 'Elevated support', 'zh-TW': '進階支援' },
    covers: {
      en: 'Premier, Professional Direct and Microsoft Services',
      'zh-TW': 'Premier、Professional Direct 與 Microsoft Services',
    },
  },
};

export function isPlanFamily(value: unknown): value is PlanFamily {
  return typeof value === 'string' && (PLAN_FAMILY_IDS as readonly string[]).includes(value);
}

export interface Plan {
  readonly id: string;
  readonly family: PlanFamily;
  /** The name as the seed writes it (its zh-TW column headers), or Microsoft's own name. */
  readonly name: Localized;
  /** Other names admins type: today's Microsoft 365 names, abbreviations, short forms. */
  readonly aliases: readonly string[];
  /** Names accepted only as the whole text ("A1", "Microsoft Services"): inside a sentence they read as ordinary words. */
  readonly wholeTextNames: readonly string[];
  /** True for the plans the seed's response-time table names. */
  readonly inSeed: boolean;
  /** A paid standalone plan (the seed: same support as the Enterprise family). */
  readonly standalone: boolean;
}

interface PlanOptions {
  readonly aliases?: readonly string[];
  readonly wholeTextNames?: readonly string[];
  readonly inSeed?: boolean;
  readonly standalone?: boolean;
}

const plan = (id: string, family: PlanFamily, en: string, zh: string, options: PlanOptions = {}): Plan => ({
  id,
  family,
  name: { en, 'zh-TW': zh },
  aliases: options.aliases ?? [],
  wholeTextNames: options.wholeTextNames ?? [],
  inSeed: options.inSeed ?? false,
  standalone: options.standalone ?? false,
});

const standalone = (id: string, en: string, zh: string, aliases: readonly string[] = []): Plan =>
  plan(id, 'enterprise', en, zh, { aliases, standalone: true });

/**
 * Seed plans first: when two plans share a short form ("E3", "business premium"), the first one
 * listed keeps it, so the seed's own plan wins.
 */
export const PLANS: readonly Plan[] = [
  // The seed's table, column by column.
  plan('o365-business-essentials', 'business', 'Office 365 Business Essentials', 'Office 365 商務基本版', {
    inSeed: true,
    aliases: ['Microsoft 365 Business Basic', 'M365 Business Basic', 'Business Basic', 'Microsoft 365 商務基本版'],
  }),
  plan('o365-business', 'business', 'Office 365 Business', 'Office 365 商務版', {
    inSeed: true,
    aliases: ['Microsoft 365 Apps for business', 'M365 Apps for business', 'Microsoft 365 商務應用程式'],
  }),
  plan('o365-business-premium', 'business', 'Office 365 Business Premium', 'Office 365 商務進階版', {
    inSeed: true,
    // Office 365 Business Premium was renamed Microsoft 365 Business Standard in 2020.
    aliases: ['Microsoft 365 Business Standard', 'M365 Business Standard', 'Business Standard', 'Microsoft 365 商務標準版'],
  }),
  plan('o365-education', 'business', 'Office 365 Education', 'Office 365 教育版', {
    inSeed: true,
    // Today's education plans keep the Education column's business-hours support.
    aliases: ['Office 365 A1', 'Office 365 A3', 'Office 365 A5', 'Microsoft 365 A1', 'Microsoft 365 A3', 'Microsoft 365 A5', 'Microsoft 365 教育版'],
    wholeTextNames: ['A1', 'A3', 'A5'],
  }),
  plan('o365-e1', 'enterprise', 'Office 365 Enterprise E1', 'Office 365 Enterprise E1', {
    inSeed: true,
    aliases: ['Office 365 E1', 'O365 E1', 'E1', 'Office 365 企業版 E1'],
  }),
  plan('o365-e3', 'enterprise', 'Office 365 Enterprise E3', 'Office 365 Enterprise E3', {
    inSeed: true,
    aliases: ['Office 365 E3', 'O365 E3', 'E3', 'Office 365 企業版 E3'],
  }),
  plan('o365-government-g2', 'enterprise', 'Office 365 Government G2', 'Office 365 Government G2', {
    inSeed: true,
    aliases: ['Government G2', 'G2', 'Office 365 政府版 G2'],
  }),
  plan('o365-us-government-e3', 'enterprise', 'Office 365 U.S. Government E3', 'Office 365 美國政府版 E3', {
    inSeed: true,
    // Office 365 G3 is today's name for the government E3 plan.
    aliases: ['US Government E3', 'U.S. Government E3', 'Government E3', 'Office 365 G3', 'G3'],
  }),
  plan('o365-f1', 'firstline', 'Office 365 Enterprise F1', 'Office 365 企業版 F1', {
    inSeed: true,
    aliases: ['Office 365 F1', 'Enterprise F1', 'F1', 'Office 365 Enterprise K1'],
  }),
  plan('o365-us-government-k1', 'firstline', 'Office 365 U.S. Government K1', 'Office 365 美國政府版 K1', {
    inSeed: true,
    aliases: ['US Government K1', 'U.S. Government K1', 'Government K1', 'K1'],
  }),
  plan('premier', 'elevated', 'Premier Support', 'Premier 支援', {
    inSeed: true,
    aliases: ['Premier', 'Microsoft Premier', 'Microsoft Premier Support', 'Unified Support', 'Microsoft Unified'],
  }),
  plan('professional-direct', 'elevated', 'Professional Direct Support', 'Professional Direct 支援', {
    inSeed: true,
    aliases: ['Professional Direct', 'ProDirect', 'Pro Direct', 'Microsoft Professional Direct'],
  }),
  plan('microsoft-services', 'elevated', 'Microsoft Services for Office 365', '適用於 Office 365 的 Microsoft Services', {
    inSeed: true,
    aliases: ['Microsoft Consulting Services'],
    wholeTextNames: ['Microsoft Services', 'MCS'],
  }),

  // Today's suites, placed by the seed column they descend from.
  plan('m365-business-premium', 'business', 'Microsoft 365 Business Premium', 'Microsoft 365 商務進階版', {
    aliases: ['M365 Business Premium'],
  }),
  plan('o365-e5', 'enterprise', 'Office 365 Enterprise E5', 'Office 365 Enterprise E5', {
    aliases: ['Office 365 E5', 'O365 E5', 'E5', 'Office 365 企業版 E5'],
  }),
  plan('m365-e3', 'enterprise', 'Microsoft 365 E3', 'Microsoft 365 E3', { aliases: ['M365 E3', 'Microsoft 365 企業版 E3'] }),
  plan('m365-e5', 'enterprise', 'Microsoft 365 E5', 'Microsoft 365 E5', { aliases: ['M365 E5', 'Microsoft 365 企業版 E5'] }),
  plan('o365-g1', 'enterprise', 'Office 365 G1', 'Office 365 G1', { aliases: ['G1'] }),
  plan('o365-g5', 'enterprise', 'Office 365 G5', 'Office 365 G5', { aliases: ['G5'] }),
  plan('o365-f3', 'firstline', 'Office 365 F3', 'Office 365 F3', { aliases: ['O365 F3', 'F3'] }),
  plan('m365-f1', 'firstline', 'Microsoft 365 F1', 'Microsoft 365 F1', { aliases: ['M365 F1'] }),
  plan('m365-f3', 'firstline', 'Microsoft 365 F3', 'Microsoft 365 F3', { aliases: ['M365 F3'] }),

  // Common paid standalone plans: the seed gives them Enterprise-family support.
  standalone('exchange-online-plan-1', 'Exchange Online (Plan 1)', 'Exchange Online（方案 1）', ['Exchange Plan 1', 'EXO Plan 1']),
  standalone('exchange-online-plan-2', 'Exchange Online (Plan 2)', 'Exchange Online（方案 2）', ['Exchange Plan 2', 'EXO Plan 2']),
  standalone('exchange-online-kiosk', 'Exchange Online Kiosk', 'Exchange Online Kiosk'),
  standalone('exchange-online-protection', 'Exchange Online Protection', 'Exchange Online Protection', ['EOP']),
  standalone('exchange-online-archiving', 'Exchange Online Archiving', 'Exchange Online 封存', ['EOA']),
  standalone('sharepoint-online-plan-1', 'SharePoint Online (Plan 1)', 'SharePoint Online（方案 1）', ['SharePoint Plan 1', 'SPO Plan 1']),
  standalone('sharepoint-online-plan-2', 'SharePoint Online (Plan 2)', 'SharePoint Online（方案 2）', ['SharePoint Plan 2', 'SPO Plan 2']),
  standalone('onedrive-plan-1', 'OneDrive for Business (Plan 1)', '商務用 OneDrive（方案 1）', ['OneDrive Plan 1']),
  standalone('onedrive-plan-2', 'OneDrive for Business (Plan 2)', '商務用 OneDrive（方案 2）', ['OneDrive Plan 2']),
  standalone('skype-online-plan-1', 'Skype for Business Online (Plan 1)', '商務用 Skype Online（方案 1）', ['Skype for Business Plan 1']),
  standalone('skype-online-plan-2', 'Skype for Business Online (Plan 2)', '商務用 Skype Online（方案 2）', ['Skype for Business Plan 2']),
  standalone('project-plan-1', 'Project Plan 1', 'Project 方案 1'),
  standalone('project-plan-3', 'Project Plan 3', 'Project 方案 3', ['Project Online Professional']),
  standalone('project-plan-5', 'Project Plan 5', 'Project 方案 5', ['Project Online Premium']),
  standalone('visio-plan-1', 'Visio Plan 1', 'Visio 方案 1'),
  standalone('visio-plan-2', 'Visio Plan 2', 'Visio 方案 2', ['Visio Online Plan 2']),
  standalone('power-bi-pro', 'Power BI Pro', 'Power BI Pro'),
  standalone('power-bi-premium-per-user', 'Power BI Premium Per User', 'Power BI Premium Per User', ['Power BI PPU']),
  standalone('m365-apps-for-enterprise', 'Microsoft 365 Apps for enterprise', '企業版 Microsoft 365 Apps', [
    'Office 365 ProPlus',
    'Microsoft 365 專業增強版',
    'Office 365 專業增強版',
  ]),
];

export interface PlanResolution {
  /** Absent when the text names a family, or a standalone plan we do not list. */
  readonly plan?: Plan;
  readonly family: PlanFamily;
  /** Set when the family was inferred from "plan"/"standalone" wording, not from a known name. */
  readonly assumedStandalone?: true;
}

// ---- name matching -------------------------------------------------------------------------

/** Brand prefixes admins add or leave out; "Office 365 E3" and "E3" are the same plan. */
const BRAND_PREFIXES = ['office 365', 'o 365', 'microsoft 365', 'm 365', 'ms 365', 'microsoft office 365'];
/** Trailing words that do not change which plan is meant ("E3 license", "商務版方案"). */
const GENERIC_SUFFIXES = ['plan', 'plans', 'subscription', 'license', 'licenses', 'licence', 'suite', '方案', '訂閱', '授權'];


/**
 * Lower case, NFKC, dots and apostrophes dropped ("U.S." = "US"), other punctuation to spaces,
 * and a space between letters, digits and CJK ("E3" = "E 3", "方案1" = "方案 1") so that a
 * spaced or unspaced spelling normalizes the same way.
 */
function spaced(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(?<=\p{N})(?=\p{L})|(?<=[a-z])(?=\p{N})|(?<=\p{N})(?=[a-z])/gu, ' ')
    .replace(/(?<=[a-z0-9])(?=\p{Script=Han})|(?<=\p{Script=Han})(?=[a-z0-9])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const compact = (spacedText: string): string => spacedText.replace(/ /g, '');

function withoutBrand(spacedText: string): string | undefined {
  for (const brand of BRAND_PREFIXES) {
    if (spacedText.startsWith(`${brand} `)) return spacedText.slice(brand.length + 1);
  }
  return undefined;
}

function withoutGenericSuffix(spacedText: string): string | undefined {
  for (const suffix of GENERIC_SUFFIXES) {
    if (spacedText.endsWith(` ${suffix}`)) return spacedText.slice(0, -(suffix.length + 1));
  }
  return undefined;
}

interface Entry {
  readonly family: PlanFamily;
  readonly plan?: Plan;
}

/** Exact lookups, keyed by the compact form so spacing and punctuation never matter. */
const exact = new Map<string, Entry>();
/** Names specific enough to find inside a sentence ("we are on Office 365 E3"). */
const mentions: { readonly key: string; readonly entry: Entry }[] = [];

function addExact(key: string, entry: Entry): void {
  if (key && !exact.has(key)) exact.set(key, entry);
}

/**
 * A single English word ("business", "premier") reads as an ordinary word inside a sentence;
 * only names with a digit, two words or three CJK characters are looked for there.
 */
function specificEnoughToFind(key: string): boolean {
  if (/\d/.test(key) || key.includes(' ')) return true;
  return [...key].filter((ch) => hasCjk(ch)).length >= 3;
}

for (const family of PLAN_FAMILY_IDS) {
  const entry: Entry = { family };
  addExact(compact(spaced(family)), entry);
  addExact(compact(spaced(PLAN_FAMILIES[family].name.en)), entry);
  addExact(compact(spaced(PLAN_FAMILIES[family].name['zh-TW'])), entry);
}

for (const p of PLANS) {
  const entry: Entry = { family: p.family, plan: p };
  for (const name of [p.name.en, p.name['zh-TW'], ...p.aliases]) {
    const full = spaced(name);
    const bare = withoutBrand(full);
    for (const key of bare ? [full, bare] : [full]) {
      addExact(compact(key), entry);
      // A code left over from dropping the brand ("Office 365 A1" -> "a 1") reads as words in a
      // sentence; codes meant to be found there ("E3") are listed as aliases of their own.
      const strippedCode = key === bare && /^[a-z] \d+$/.test(key);
      if (!strippedCode && specificEnoughToFind(key) && !mentions.some((m) => m.key === key)) {
        mentions.push({ key, entry });
      }
    }
  }
  for (const name of p.wholeTextNames) addExact(compact(spaced(name)), entry);
}
// Longest first, so "office 365 e 3" is tried before "e 3".
mentions.sort((a, b) => b.key.length - a.key.length);

function lookupExact(spacedText: string): Entry | undefined {
  const candidates = [spacedText];
  const noSuffix = withoutGenericSuffix(spacedText);
  if (noSuffix) candidates.push(noSuffix);
  for (const candidate of [...candidates]) {
    const bare = withoutBrand(candidate);
    if (bare) candidates.push(bare);
  }
  for (const candidate of candidates) {
    const hit = exact.get(compact(candidate));
    if (hit) return hit;
  }
  return undefined;
}

const isAscii = (ch: string | undefined): boolean => ch !== undefined && /[a-z0-9]/.test(ch);

/**
 * Occurrences of `key` that do not cut an English word or number in half. In the spaced form
 * every English word and number already stands between spaces, so a space (or the text's edge)
 * on each ASCII side is enough; CJK has no spaces and needs no boundary.
 */
function occurrences(text: string, key: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const end = at + key.length;
    const cleanStart = !isAscii(key[0]) || at === 0 || text[at - 1] === ' ';
    const cleanEnd = !isAscii(key.at(-1)) || end === text.length || text[end] === ' ';
    if (cleanStart && cleanEnd) found.push(at);
  }
  return found;
}

/**
 * Plans named inside a longer text. Several plans of one family resolve to the longest name;
 * plans of different families ("from E3 to Business Premium") are ambiguous and resolve to none.
 */
function lookupMention(spacedText: string): Entry | undefined {
  const taken: [number, number][] = [];
  const hits: { key: string; entry: Entry }[] = [];
  for (const m of mentions) {
    for (const start of occurrences(spacedText, m.key)) {
      const end = start + m.key.length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      hits.push(m);
    }
  }
  const first = hits[0];
  if (!first) return undefined;
  return hits.every((h) => h.entry.family === first.entry.family) ? first.entry : undefined;
}

/** Words that make an unlisted name a paid standalone plan, when they come with a product word. */
const STANDALONE_WORDING = /\b(?:plan|standalone|stand alone|add on)\b|方案|獨立/;
const PRODUCT_WORDS =
  /\b(?:exchange|sharepoint|onedrive|project|visio|power ?bi|power apps|power automate|teams|skype|intune|defender|entra|azure|purview|yammer|viva|planner|stream|bookings|forms|copilot|office|microsoft|m ?365|o ?365)\b/;

/**
 * Resolves what an admin typed for their plan: a family id ("enterprise"), a plan name in
 * English or as the seed writes it in zh-TW ("商務進階版", "美國政府版 E3"), today's names
 * ("Microsoft 365 Business Basic", "M365 E5"), or a sentence that names one plan.
 *
 * Unlisted names: a name that says "plan"/"standalone"/"方案"/"獨立" and names a Microsoft
 * product ("Intune Plan 1", "Defender for Office 365 Plan 2") is taken as a paid standalone
 * plan, which the seed puts in the Enterprise family; `assumedStandalone` marks that guess.
 * "Plan" alone is not enough: "our vacation plan" stays unknown.
 */
export function resolvePlan(text: string): PlanResolution | undefined {
  const normalized = spaced(text);
  if (!normalized) return undefined;

  const hit = lookupExact(normalized) ?? lookupMention(normalized);
  if (hit) return hit.plan ? { plan: hit.plan, family: hit.family } : { family: hit.family };

  if (STANDALONE_WORDING.test(normalized) && PRODUCT_WORDS.test(normalized)) {
    return { family: 'enterprise', assumedStandalone: true };
  }
  return undefined;
}

/** The family a stored plan (a family id or a plan's name) belongs to; Enterprise when unknown. */
export function planFamilyOf(plan: string): PlanFamily {
  if (isPlanFamily(plan)) return plan;
  return resolvePlan(plan)?.family ?? 'enterprise';
}
