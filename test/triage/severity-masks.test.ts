import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { CueFinder, type CueOwner, type FoundCues } from '../../src/triage/cues.js';
import { TermSet } from '../../src/triage/matcher.js';
import { analyze } from '../../src/triage/text.js';

/**
 * FoundCues masks a group's name and a still-working statement once, for every reader: the words
 * inside them count neither as people affected nor as a failure or a cut-off. A small cue set of
 * our own keeps the contract readable apart from intents/severity.yaml.
 */
const CUES: Partial<Record<CueOwner, string[]>> = {
  everyone: ['everyone', 'all staff', '大家'],
  failure: ['bounces', 'blocked', 'except'],
  cut_off: ['blocked'],
  still_working: ['nobody is blocked', 'can still work', '大家都可以正常'],
  group_name: ['everyone group', 'all staff list', 'everyone except external users'],
};

const finder = (() => {
  const terms = new TermSet<CueOwner>();
  for (const [group, phrases] of Object.entries(CUES) as [CueOwner, string[]][]) for (const phrase of phrases) terms.addPhrase(phrase, group, 1);
  return new CueFinder(terms);
})();

function find(message: string): FoundCues {
  const text = analyze(message);
  return finder.find(text, text.tokens.map((token) => token.stem));
}

const words = (cues: FoundCues, group: CueOwner): string[] => cues.affirmed(group).map((hit) => hit.text);

describe('a group named for everyone is no population', () => {
  it('hides "everyone" inside the name of a group or list', () => {
    expect(words(find('Mail sent to the Everyone group bounces'), 'everyone')).toEqual([]);
    expect(words(find('our All Staff list stopped getting mail'), 'everyone')).toEqual([]);
  });

  it('still reads everyone told as the people affected', () => {
    expect(words(find('Mail from everyone bounces'), 'everyone')).toEqual(['everyone']);
  });

  it('hides only the words of the name: everyone told elsewhere in the message still counts', () => {
    expect(words(find('The All Staff list is new, and since then everyone is blocked'), 'everyone')).toEqual(['everyone']);
  });

  it('hides the "except" of a group name as a failure', () => {
    expect(words(find('A file shared with Everyone except external users bounces'), 'failure')).toEqual(['bounces']);
  });
});

describe('a still-working statement is no failure and no cut-off', () => {
  it('hides "blocked" inside "nobody is blocked" from both failure and cut-off readers', () => {
    const cues = find('The nightly job skipped a few accounts, nobody is blocked');
    expect(words(cues, 'failure')).toEqual([]);
    expect(words(cues, 'cut_off')).toEqual([]);
  });

  it('still reads a user blocked as a failure and a cut-off', () => {
    const cues = find('Since noon the finance manager is blocked');
    expect(words(cues, 'failure')).toEqual(['blocked']);
    expect(words(cues, 'cut_off')).toEqual(['blocked']);
  });

  it('leaves the still-working statement itself for the readers that ask for it', () => {
    expect(words(find('The nightly job skipped a few accounts, nobody is blocked'), 'still_working')).toEqual(['nobody is blocked']);
  });
});

describe('a still-working statement in Chinese hides its people word too', () => {
  it('hides 大家 inside 大家都可以正常 (the mask is compared by characters, not words)', () => {
    expect(words(find('大家都可以正常登入'), 'everyone')).toEqual([]);
  });

  it('still reads 大家 as the people affected outside the statement', () => {
    expect(words(find('昨天開始大家收不到信'), 'everyone')).toEqual(['大家']);
  });
});

/**
 * Every reader sees the mask, not only the cut-off test: before the masking moved into FoundCues,
 * the failure word inside "nobody is stuck" still counted as a failure for the question and
 * nothing-broken rules and was quoted as the fault of a Sev B.
 */
describe('a still-working statement beside a question or another fault (engine)', () => {
  let engine: TriageEngine;
  beforeAll(() => {
    engine = sharedRules();
  });

  it('leaves a how-to or an explanation request at C when the admin adds that nobody is stuck', () => {
    expect(engine.triage('How do I add a retention label to the finance library? Nobody is stuck, just planning ahead.').severity).toBe('C');
    expect(engine.triage('A few mailboxes show a sync warning in the admin center, nobody is stuck and people can still work. What does the warning mean?').severity).toBe('C');
  });

  it('quotes the fault the users have, not the words saying where they are not stuck', () => {
    const { severity, reasons } = engine.triage('Since the update nobody is stuck at login but everyone gets a blank calendar in Outlook.');
    expect(severity).toBe('B');
    expect(reasons.at(-1)).toContain("'blank'");
  });
});
