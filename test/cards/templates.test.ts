import { AdaptiveCard, SerializationContext } from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/types.js';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARD_VERSION, CardTemplateError, createCardRenderer, DEFAULT_CARDS_DIR, loadCardTemplates, loadSupportCardTemplates, REPLY_KINDS } from '../../src/channels/teams/index.js';
import { SAMPLE_REPLIES } from './samples.js';

const renderer = createCardRenderer(loadCardTemplates());

/** Paths of every string in the card that still holds a template expression. */
function leftovers(value: unknown, path = '$'): string[] {
  if (typeof value === 'string') return value.includes('${') ? [`${path}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => leftovers(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(key.startsWith('$') && key !== '$schema' ? [`${path}.${key}: template key left`] : []),
      ...leftovers(item, `${path}.${key}`),
    ]);
  }
  return [];
}

function validate(json: unknown): string[] {
  const card = new AdaptiveCard();
  const context = new SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

const cases = REPLY_KINDS.flatMap((kind) =>
  SAMPLE_REPLIES[kind].map((reply, i) => ({ name: `${kind} #${i + 1}`, reply })),
);

describe('card templates', () => {
  it('has a sample for every reply kind', () => {
    for (const kind of REPLY_KINDS) expect(SAMPLE_REPLIES[kind].length, kind).toBeGreaterThan(0);
  });

  it.each(cases)('$name expands with nothing left unbound', ({ reply }) => {
    const card = renderer.render(reply);
    expect(leftovers(card)).toEqual([]);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe(CARD_VERSION);
  });

  it.each(cases)('$name parses and validates with the adaptivecards library', ({ reply }) => {
    expect(validate(renderer.render(reply))).toEqual([]);
  });

  it('a template rendered twice gives the same card (templates are reusable)', () => {
    const reply = SAMPLE_REPLIES.triage[0] as Reply;
    expect(renderer.render(reply)).toEqual(renderer.render(reply));
  });
});

describe('support desk card templates', () => {
  const problemsLoading = (dir: string): readonly string[] => {
    try {
      loadSupportCardTemplates(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CardTemplateError);
      return (error as CardTemplateError).problems;
    }
    return [];
  };

  it('refuses a broken or missing desk template with an error naming the file, like the reply cards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-cards-'));
    writeFileSync(join(dir, 'support-case.json'), '{ "type": "AdaptiveCard", "version": "1.2" }');
    expect(problemsLoading(dir)).toEqual(['support-case.json: "version" must be "1.5"', expect.stringMatching(/^support-notice\.json: .*no such file/)]);
  });

  it('loads the shipped desk templates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-cards-'));
    for (const file of ['support-case.json', 'support-notice.json']) copyFileSync(join(DEFAULT_CARDS_DIR, file), join(dir, file));
    expect(problemsLoading(dir)).toEqual([]);
  });
});
