/**
 * The support desk's cards (support-case.json, support-notice.json) through the compiled
 * templates, against adaptivecards-templating: `compileTemplate` is wrapped to record the data each
 * card is expanded with, and the library expands the same template and data.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { RequesterNotice, SupportCaseView } from '../../src/support-desk/types.js';
import { loadSupportCardTemplates, renderRequesterNoticeCard, renderSupportCaseCard } from '../../src/support-desk/teams-cards.js';
import { libraryTemplate } from '../../src/channels/teams/templating.js';
import { perturbed } from './template-arbitraries.js';

const recorded = vi.hoisted(() => ({ calls: [] as { payload: unknown; data: unknown; output: unknown; engine: string }[] }));

vi.mock('../../src/channels/teams/templating.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/channels/teams/templating.js')>();
  return {
    ...real,
    compileTemplate: (payload: unknown) => {
      const template = real.compileTemplate(payload);
      return {
        engine: template.engine,
        expand: (context: { $root: unknown }) => {
          const output = template.expand(context);
          recorded.calls.push({ payload, data: structuredClone(context.$root), output: structuredClone(output), engine: template.engine });
          return output;
        },
      };
    },
  };
});

const caseView: SupportCaseView = {
  number: 'SR-261125-0001',
  tenantId: 'contoso.onmicrosoft.com',
  title: 'Outlook *cannot* send [urgent]',
  requester: 'Megan Bowen',
  contact: { reach: 'Email (preferred): megan@contoso.com', affectedUsers: '40', language: 'English (en)', timeZone: 'Asia/Taipei' },
  category: 'Exchange Online · Mail flow',
  severity: 'A',
  severityLabel: 'Sev A (Critical)',
  plan: 'Office 365 E3',
  status: 'open',
  statusLabel: 'Open',
  owner: 'Eve Engineer',
  respondBy: '2026-11-25 10:12 (Asia/Taipei)',
  timeLeft: '45 min left',
  description: 'Nobody can send.\nNDR 550 5.7.1',
  reasons: ["'the whole sales floor': every user is affected → Severity A"],
  lastEvent: 'Claimed by Eve Engineer',
  canClaim: true,
  canAct: true,
  severityOptions: [
    { value: 'A', title: 'Sev A (Critical)' },
    { value: 'B', title: 'Sev B (High)' },
    { value: 'C', title: 'Sev C (Non-critical)' },
  ],
};
const closedView: SupportCaseView = { ...caseView, status: 'closed', severity: 'C', canAct: false, canClaim: false, reasons: [], owner: undefined, respondBy: undefined, lastEvent: undefined, severityOptions: [] };

const notice: RequesterNotice = {
  kind: 'reply',
  tenantId: 'contoso.onmicrosoft.com',
  number: 'SR-261125-0001',
  title: 'Outlook cannot send',
  text: 'Please restart Outlook and try again.\n**Then** tell us.',
  answerable: true,
  reopenable: false,
  lang: 'en',
};
const notices: RequesterNotice[] = [
  notice,
  { ...notice, kind: 'resolved', answerable: false, reopenable: true, lang: 'zh-TW' },
  { ...notice, kind: 'claimed', answerable: false, reopenable: false, lang: undefined },
];

function expectSameAsLibrary(): void {
  expect(recorded.calls.length).toBeGreaterThan(0);
  for (const call of recorded.calls.splice(0)) {
    expect(call.engine).toBe('compiled');
    expect(call.output).toStrictEqual(structuredClone(libraryTemplate(call.payload).expand({ $root: call.data })));
  }
}

describe('support desk cards, compiled', () => {
  const templates = loadSupportCardTemplates();

  it('the case card and the notices are the library’s', () => {
    for (const view of [caseView, closedView]) renderSupportCaseCard(templates, view);
    for (const n of notices) renderRequesterNoticeCard(templates, n);
    expect(recorded.calls).toHaveLength(5);
    expectSameAsLibrary();
  });

  it('the case card is the library’s for varied cases', () => {
    fc.assert(
      fc.property(fc.oneof(perturbed(caseView), perturbed(closedView)), (view) => {
        renderSupportCaseCard(templates, view);
        expectSameAsLibrary();
      }),
      { numRuns: 150 },
    );
  });

  it('the notice card is the library’s for varied notices', () => {
    fc.assert(
      fc.property(fc.oneof(...notices.map((n) => perturbed(n))), (n) => {
        renderRequesterNoticeCard(templates, n);
        expectSameAsLibrary();
      }),
      { numRuns: 150 },
    );
  });
});
