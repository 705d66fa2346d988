import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { PROBES_ROUND2 } from './probe-messages-round2.js';
import { describeProbeRound } from './probe-suite.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describeProbeRound('probe round 2: messages written before triaging them', PROBES_ROUND2, () => engine);

describe('the classes probe round 2 found', () => {
  it('keeps a cause stated before a comma-attached question asserted, and a cause asked about doubted', () => {
    expect(engine.triage('Our proxy strips the auth header on Outlook traffic, how do we exempt it?').category).toBe('boundary.network');
    expect(engine.triage('Teams calls drop, could our firewall be the cause, how do we check?').category).toBe('skype.communication');
  });

  it('reads missing mail worded as "no email" / "without mail" as mail flow, whatever group is named', () => {
    expect(engine.triage('The sales team has been without mail for two hours').category).toBe('exchange.mailflow');
  });

  it('knows Entra user cmdlet parameters and "switch to a paid" plan wording', () => {
    expect(engine.triage('Set-MsolUser -BlockCredential $true returns an error for one account').category).toBe('identity.users');
    expect(engine.triage('Trial is nearly over, can we upgrade to a paid subscription without losing data?').category).toBe('billing.conversion');
  });

  it('leaves feedback on a page to unknown when no rule places it, but not a failure reported from a page', () => {
    expect(engine.triage('The screenshots in this guide are outdated, please update the article').category).toBe('unknown');
    expect(engine.triage('Following this article, every user now gets an error when opening Outlook, please update it').category).not.toBe('unknown');
  });
});
