import { describe, expect, it } from 'vitest';
import { cardData, createCardRenderer, loadCardTemplates, CardTemplateError, REPLY_KINDS } from '../../src/channels/teams/index.js';
import type { Reply } from '../../src/conversation/types.js';
import { SAMPLE_REPLIES } from '../cards/samples.js';
import { cardText, inputs, submitActions } from './helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const renderer = createCardRenderer(loadCardTemplates());
const form = SAMPLE_REPLIES['case-form'][0] as Extract<Reply, { kind: 'case-form' }>;

describe('card renderer', () => {
  it('escapes what the user typed in displayed text but leaves input values raw', () => {
    const detail = renderer.render(SAMPLE_REPLIES['case-detail'][0]!);
    expect(cardText(detail)).toContain('Outlook \\*cannot\\* send \\[urgent\\]');
    expect(cardText(detail)).not.toContain('*cannot*');

    const card = renderer.render({ ...form, values: { ...form.values, title: 'Mail *down* [now]' } });
    expect(inputs(card).get('title')?.value).toBe('Mail *down* [now]');
    expect(inputs(card).get('description')?.value).toBe(form.values.description);
  });

  it('buttons are Action.Submit with { verb, ...data }, and the verb cannot be overridden by data', () => {
    const card = renderer.render({
      ...(SAMPLE_REPLIES.triage[0] as Extract<Reply, { kind: 'triage' }>),
      actions: [{ verb: 'solved', title: 'Solved', data: { verb: 'closeCase', ref: 'x' } }],
    });
    expect(submitActions(card)).toEqual([{ title: 'Solved', data: { verb: 'solved', ref: 'x' } }]);
  });

  it('the case form submits with verb submitCase and its formId; errors show under their field', () => {
    const card = renderer.render({ ...form, errors: { phone: 'Enter a phone number' } });
    expect(submitActions(card)).toEqual([{ title: 'Submit case', data: { verb: 'submitCase', formId: 'form-1' } }]);
    const body = card.body as Record<string, unknown>[];
    const at = body.findIndex((element) => element.id === 'phone');
    expect(body[at + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention', text: 'Enter a phone number' });
    expect(JSON.stringify(renderer.render(form))).not.toContain('Attention');
  });

  it('shows severity read-only when the plan may not change it', () => {
    const editable = inputs(renderer.render(form));
    expect(editable.get('severity')?.type).toBe('Input.ChoiceSet');
    const fixed = renderer.render(SAMPLE_REPLIES['case-form'][1]!);
    expect(inputs(fixed).has('severity')).toBe(false);
    expect(cardText(fixed)).toContain('Sev C（非嚴重）');
  });

  it('offers few choices as buttons and many as a drop-down, both sending { verb, field, value }', () => {
    const [few, many] = SAMPLE_REPLIES.question;
    expect(submitActions(renderer.render(few!)).map((a) => a.data)).toEqual([
      { verb: 'answerClarification', field: 'service', value: 'exchange' },
      { verb: 'answerClarification', field: 'service', value: 'sharepoint' },
    ]);
    const dropDown = renderer.render(many!);
    expect(inputs(dropDown).get('value')?.type).toBe('Input.ChoiceSet');
    expect(submitActions(dropDown).map((a) => a.data)).toEqual([{ verb: 'pickCategory', field: 'category' }]);
    expect(submitActions(renderer.render(SAMPLE_REPLIES['plan-question'][0]!))[0]?.data).toEqual({ verb: 'choosePlan', value: 'business' });
  });

  it('builds view data for every reply kind (the switch is exhaustive)', () => {
    for (const kind of REPLY_KINDS) expect(cardData(SAMPLE_REPLIES[kind][0]!)).toHaveProperty('labels');
  });

  it('wraps a card as a Bot Framework attachment', () => {
    const attachment = renderer.attachment(SAMPLE_REPLIES.text[0]!);
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect((attachment.content as Record<string, unknown>).type).toBe('AdaptiveCard');
  });

  it('refuses to start with a missing or broken template, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cards-'));
    writeFileSync(join(dir, 'text.json'), '{ not json');
    const error = (() => {
      try {
        loadCardTemplates(dir);
      } catch (e) {
        return e as CardTemplateError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CardTemplateError);
    expect(error?.problems.some((p) => p.startsWith('text.json:'))).toBe(true);
    expect(error?.problems.some((p) => p.startsWith('triage.json:'))).toBe(true);
  });
});
