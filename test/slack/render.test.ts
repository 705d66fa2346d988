/** Replies → Block Kit: every kind, Slack's limits, escaping, the case form modal and its errors. */
import { describe, expect, it } from 'vitest';
import {
  decodeActionValue,
  encodeActionValue,
  formDataFromView,
  LIMITS,
  modalErrors,
  renderCaseFormModal,
  renderHome,
  renderReply,
  verbOfActionId,
} from '../../src/channels/slack/render.js';
import { escapeMrkdwn, slackTextToPlain } from '../../src/channels/slack/mrkdwn.js';
import type { CaseFormReply, Reply, ReplyKind } from '../../src/conversation/types.js';
import { SAMPLE_REPLIES } from '../cards/samples.js';
import { buttonsOf } from './helpers.js';

const ALL: Reply[] = Object.values(SAMPLE_REPLIES).flat();

interface Node {
  [key: string]: unknown;
}
function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (typeof node !== 'object' || node === null) return;
  visit(node as Node);
  Object.values(node).forEach((v) => walk(v, visit));
}

/** Checks the documented Block Kit limits on everything rendered. */
function checkLimits(blocks: unknown[], maxBlocks: number): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  walk(blocks, (n) => {
    if (n.type === 'button') {
      expect(String((n.text as Node).text).length).toBeLessThanOrEqual(LIMITS.buttonText);
      if (typeof n.value === 'string') expect(n.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    }
    if (n.type === 'static_select' || n.type === 'radio_buttons') {
      for (const o of n.options as Node[]) {
        expect(String((o.text as Node).text).length).toBeLessThanOrEqual(LIMITS.optionText);
        expect(String(o.value).length).toBeLessThanOrEqual(LIMITS.optionValue);
      }
    }
    if (n.type === 'section' && n.text) expect(String((n.text as Node).text).length).toBeLessThanOrEqual(LIMITS.sectionText);
    if (n.type === 'section' && Array.isArray(n.fields)) {
      expect(n.fields.length).toBeLessThanOrEqual(10);
      for (const f of n.fields as Node[]) expect(String(f.text).length).toBeLessThanOrEqual(LIMITS.fieldText);
    }
    if (n.type === 'context') expect((n.elements as unknown[]).length).toBeLessThanOrEqual(LIMITS.contextElements);
    if (n.type === 'actions') {
      const ids = (n.elements as Node[]).map((e) => e.action_id);
      expect(new Set(ids).size).toBe(ids.length); // unique per block, as Slack requires
    }
  });
}

describe('renderReply', () => {
  it('renders every reply kind with blocks and a plain text fallback', () => {
    const kinds = new Set<ReplyKind>();
    for (const reply of ALL) {
      const message = renderReply(reply);
      kinds.add(reply.kind);
      expect(message.text.trim().length, reply.kind).toBeGreaterThan(0);
      expect(message.blocks.length, reply.kind).toBeGreaterThan(0);
      checkLimits(message.blocks, LIMITS.messageBlocks);
    }
    expect([...kinds].sort()).toEqual(Object.keys(SAMPLE_REPLIES).sort());
  });

  it('triage: fields for severity and response time, reasons as context, links as url buttons, verbs as action ids', () => {
    const triage = ALL.find((r): r is Extract<Reply, { kind: 'triage' }> => r.kind === 'triage' && r.severity !== null && r.links.length > 0 && r.actions.length > 0);
    if (!triage) throw new Error('no triage sample with links and actions');
    const { blocks } = renderReply(triage);
    const json = JSON.stringify(blocks);
    expect(json).toContain('*Severity*');
    if (triage.expectation) expect(json).toContain('*Response time*');
    expect(blocks.some((b) => b.type === 'context')).toBe(triage.reasons.length > 0);
    const buttons = buttonsOf(blocks);
    for (const link of triage.links) expect(buttons.some((b) => b.url === link.url)).toBe(true);
    for (const action of triage.actions) {
      const b = buttons.find((x) => verbOfActionId(x.action_id) === action.verb);
      expect(b).toBeDefined();
      expect(decodeActionValue(b?.value)).toEqual(action.data ?? {});
    }
  });

  it('question: a few options as buttons with the same verb, many as one static_select', () => {
    const base = { kind: 'question', lang: 'en', question: 'Which service?', field: 'category', verb: 'pickCategory' } as const;
    const few = renderReply({ ...base, options: [{ value: 'a', title: 'A' }, { value: 'b', title: 'B' }] });
    expect(buttonsOf(few.blocks).map((b) => b.action_id)).toEqual(['pickCategory', 'pickCategory#1']);
    expect(decodeActionValue(buttonsOf(few.blocks)[1]?.value)).toEqual({ field: 'category', value: 'b' });
    const many = renderReply({ ...base, options: Array.from({ length: 8 }, (_, i) => ({ value: `v${i}`, title: `Option ${i}` })) });
    const select = JSON.stringify(many.blocks);
    expect(select).toContain('"static_select"');
    expect(select).toContain('"action_id":"pickCategory"');
  });

  it('escapes what users typed: no @channel, @here, user pings or forged links', () => {
    const hostile = '<!channel> <!here> <@U123> <http://evil.example|Microsoft login> & co';
    const { text, blocks } = renderReply({ kind: 'text', lang: 'en', text: hostile });
    for (const out of [text, JSON.stringify(blocks)]) {
      expect(out).not.toMatch(/<!channel>|<!here>|<@U123>|<http/);
      expect(out).toContain('&lt;!channel&gt;');
      expect(out).toContain('&amp; co');
    }
  });

  it('keeps long data under the button value limit', () => {
    const data = { number: 'SR-261125-0001', note: 'x'.repeat(5000) };
    const value = encodeActionValue(data);
    expect(value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(JSON.parse(value)).toEqual({ number: 'SR-261125-0001' });
    expect(encodeActionValue({ number: 'SR-1' })).toBe('{"number":"SR-1"}');
  });

  it('caps a long case list at Slack\'s 50 blocks per message', () => {
    const list = SAMPLE_REPLIES['case-list'].find((r) => r.kind === 'case-list' && r.cases.length > 0);
    if (!list || list.kind !== 'case-list') throw new Error('no case list sample');
    const many = { ...list, cases: Array.from({ length: 120 }, (_, i) => ({ ...list.cases[0]!, number: `SR-261125-${String(i).padStart(4, '0')}` })) };
    const { blocks } = renderReply(many);
    checkLimits(blocks, LIMITS.messageBlocks);
    expect(JSON.stringify(blocks)).toContain('more');
    const home = renderHome([many], 'en');
    checkLimits(home.blocks, LIMITS.viewBlocks);
  });
});

describe('the case form modal', () => {
  const form = SAMPLE_REPLIES['case-form'][0] as CaseFormReply;

  it('has the form fields, prefilled, and the severity as a select only when editable', () => {
    const readOnly = renderCaseFormModal({ ...form, severityEditable: false }, '{"f":"x"}');
    const inputs = readOnly.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
    expect(inputs).toEqual(['title', 'description', 'category', 'affectedUsers', 'contactMethod', 'email', 'phone', 'language', 'timeZone']);
    expect(JSON.stringify(readOnly.blocks)).toContain(form.values.timeZone);
    expect(readOnly.private_metadata).toBe('{"f":"x"}');
    checkLimits(readOnly.blocks, LIMITS.viewBlocks);
    expect(readOnly.title.text.length).toBeLessThanOrEqual(LIMITS.modalTitle);

    const editable = renderCaseFormModal({ ...form, severityEditable: true }, '{}');
    expect(editable.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toContain('severity');
    checkLimits(editable.blocks, LIMITS.viewBlocks);
  });

  it('shortens a description longer than Slack\'s 3000-character input and says so', () => {
    const long = renderCaseFormModal({ ...form, values: { ...form.values, description: 'y'.repeat(4000) } }, '{}');
    const description = long.blocks.find((b) => b.block_id === 'description') as { element: { initial_value: string } };
    expect(description.element.initial_value.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(long.blocks)).toContain('shortened');
  });

  it('maps the core\'s field errors to block ids; errors without an input go under the title', () => {
    expect(modalErrors({ ...form, errors: { form: 'Please fix', email: 'Enter a valid email' } })).toEqual({ email: 'Enter a valid email' });
    expect(modalErrors({ ...form, severityEditable: false, errors: { form: 'Please fix', severity: 'Bad severity' } })).toEqual({ title: 'Bad severity' });
    expect(modalErrors({ ...form, errors: { form: 'Please fix' } })).toEqual({ title: 'Please fix' });
  });

  it('reads the submitted values back', () => {
    expect(
      formDataFromView({
        title: { value: { type: 'plain_text_input', value: 'T' } },
        category: { value: { type: 'static_select', selected_option: { value: 'exchange.mailflow' } } },
        phone: { value: { type: 'plain_text_input', value: null } },
        other: { nope: { type: 'plain_text_input', value: 'ignored' } },
      }),
    ).toEqual({ title: 'T', category: 'exchange.mailflow', phone: '' });
  });
});

describe('escapeMrkdwn and slackTextToPlain', () => {
  it('escapes &, < and >', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(escapeMrkdwn('<!channel>')).toBe('&lt;!channel&gt;');
    expect(escapeMrkdwn('<@U123>')).toBe('&lt;@U123&gt;');
    expect(escapeMrkdwn('<http://x|link>')).toBe('&lt;http://x|link&gt;');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
    expect(escapeMrkdwn('plain 中文 *bold*')).toBe('plain 中文 *bold*');
  });

  it('turns Slack-formatted input into plain text for the core', () => {
    expect(slackTextToPlain('&lt;tag&gt; &amp; <@U123> <!channel> <https://x.example|site> <mailto:a@b.c|a@b.c> <https://y.example>')).toBe(
      '<tag> & @U123 @channel site a@b.c https://y.example',
    );
  });
});
