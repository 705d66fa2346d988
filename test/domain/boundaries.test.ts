import { describe, expect, it } from 'vitest';
import { BOUNDARY_CATEGORY_IDS, BOUNDARY_GUIDANCE, boundaryGuidance } from '../../src/domain/boundaries.js';
import {
  REOPEN_WINDOW_DAYS,
  SUPPORT_RULES,
  canReopen,
  caseActionRefusal,
  maySetOwnSeverity,
  mayPerformCaseAction,
} from '../../src/domain/support-rules.js';
import { CATEGORIES } from '../../src/domain/taxonomy.js';
import { PLAN_FAMILY_IDS } from '../../src/domain/plans.js';

const MICROSOFT_HOSTS = new Set([
  'learn.microsoft.com',
  'docs.microsoft.com',
  'support.microsoft.com',
  'answers.microsoft.com',
  'techcommunity.microsoft.com',
]);

describe('boundary and redirect guidance', () => {
  it('covers exactly the boundary and redirect categories of the taxonomy', () => {
    const fromTaxonomy = CATEGORIES.filter((c) => c.support === 'boundary' || c.support === 'redirect').map((c) => c.id);
    expect([...BOUNDARY_CATEGORY_IDS].sort()).toEqual([...fromTaxonomy].sort());
  });

  it.each(BOUNDARY_CATEGORY_IDS)('%s explains why and where to go in both languages, with 1-3 Microsoft links', (id) => {
    const guidance = boundaryGuidance(id);
    expect(guidance?.categoryId).toBe(id);
    if (!guidance) return;
    for (const text of [guidance.why, guidance.whereToGo]) {
      expect(text.en.length).toBeGreaterThan(40);
      expect(text['zh-TW'].length).toBeGreaterThan(15);
      expect(text['zh-TW']).toMatch(/\p{Script=Han}/u);
    }
    expect(guidance.links.length).toBeGreaterThanOrEqual(1);
    expect(guidance.links.length).toBeLessThanOrEqual(3);
    for (const link of guidance.links) {
      const url = new URL(link.url);
      expect(url.protocol).toBe('https:');
      expect(MICROSOFT_HOSTS.has(url.hostname), link.url).toBe(true);
      expect(link.title.en).not.toBe('');
      expect(link.title['zh-TW']).not.toBe('');
    }
  });

  it('says where each kind of request goes, as the seed does', () => {
    const where = (id: string) => {
      const g = boundaryGuidance(id);
      return `${g?.why.en} ${g?.whereToGo.en}`;
    };
    expect(where('boundary.network')).toMatch(/networking team/);
    expect(where('boundary.network')).toMatch(/Microsoft Networking team/);
    expect(where('boundary.third-party')).toMatch(/vendor/);
    expect(where('boundary.third-party')).toMatch(/Microsoft community/i);
    expect(where('boundary.scripts')).toMatch(/does not support scripts/);
    expect(where('redirect.sovereign')).toMatch(/21Vianet/);
    expect(where('redirect.sovereign')).toMatch(/Office 365 Germany/);
    expect(where('redirect.developer')).toMatch(/forums/);
    expect(where('redirect.developer')).toMatch(/Premier or partner/);
    expect(where('redirect.volume-licensing')).toMatch(/Volume Licensing support/);
    expect(where('redirect.volume-licensing')).toMatch(/VLSC/);
  });

  it('names the same places in Traditional Chinese', () => {
    expect(BOUNDARY_GUIDANCE['boundary.network'].whereToGo['zh-TW']).toContain('網路團隊');
    expect(BOUNDARY_GUIDANCE['boundary.third-party'].whereToGo['zh-TW']).toContain('廠商');
    expect(BOUNDARY_GUIDANCE['redirect.sovereign'].whereToGo['zh-TW']).toContain('世紀互聯');
    expect(BOUNDARY_GUIDANCE['redirect.sovereign'].whereToGo['zh-TW']).toContain('德國');
    expect(BOUNDARY_GUIDANCE['redirect.volume-licensing'].whereToGo['zh-TW']).toContain('VLSC');
  });

  it('has no guidance for categories Office 365 support handles, or for unknown ids', () => {
    expect(boundaryGuidance('exchange.mailflow')).toBeUndefined();
    expect(boundaryGuidance('billing.invoice')).toBeUndefined();
    expect(boundaryGuidance('unknown')).toBeUndefined();
    expect(boundaryGuidance('boundary.nonsense')).toBeUndefined();
  });
});

describe('support rules', () => {
  it('lets admins open, view and reopen; delegated partners only open; users nothing', () => {
    for (const action of ['open', 'view', 'reopen'] as const) {
      expect(mayPerformCaseAction('admin', action)).toBe(true);
      expect(mayPerformCaseAction('user', action)).toBe(false);
    }
    expect(mayPerformCaseAction('delegated-partner', 'open')).toBe(true);
    expect(mayPerformCaseAction('delegated-partner', 'view')).toBe(false);
    expect(mayPerformCaseAction('delegated-partner', 'reopen')).toBe(false);
  });

  it('explains a refusal, and has none to give when the action is allowed', () => {
    expect(caseActionRefusal('admin', 'reopen')).toBeUndefined();
    expect(caseActionRefusal('user', 'open')?.en).toMatch(/administrator role/);
    expect(caseActionRefusal('delegated-partner', 'view')?.en).toMatch(/delegated partner/);
  });

  it('allows reopening for 14 days after closing, up to and including the last moment', () => {
    expect(REOPEN_WINDOW_DAYS).toBe(14);
    const closedAt = new Date('2026-03-01T10:00:00Z');
    const day = 24 * 3_600_000;
    expect(canReopen(closedAt, new Date(closedAt.getTime() + day))).toEqual({ allowed: true, expiresAt: new Date('2026-03-15T10:00:00Z') });
    expect(canReopen(closedAt, new Date('2026-03-15T10:00:00Z')).allowed).toBe(true);
    expect(canReopen(closedAt, new Date('2026-03-15T10:00:00.001Z')).allowed).toBe(false);
    expect(canReopen(closedAt, new Date('2026-04-01T00:00:00Z')).allowed).toBe(false);
  });

  it('lets only the elevated family set its own severity', () => {
    expect(PLAN_FAMILY_IDS.filter(maySetOwnSeverity)).toEqual(['elevated']);
  });

  it('states every rule in both languages', () => {
    for (const text of Object.values(SUPPORT_RULES)) {
      expect(text.en).not.toBe('');
      expect(text['zh-TW']).toMatch(/\p{Script=Han}/u);
    }
    expect(SUPPORT_RULES['reopen-window'].en).toContain('14 days');
    expect(SUPPORT_RULES['translation-on-call'].en).toMatch(/translator/);
  });
});
