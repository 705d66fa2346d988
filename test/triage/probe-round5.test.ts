import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { PROBES_ROUND5 } from './probe-messages-round5.js';
import { describeProbeRound } from './probe-suite.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

describeProbeRound('probe round 5: messages written and labeled before triaging them', PROBES_ROUND5, () => engine);

describe('products named as a working setting before the request', () => {
  it('lets the request decide when the first sentence lists products that work', () => {
    expect(engine.triage('We run Teams for meetings and OneDrive for everyone\'s files, all without trouble. A manager is on leave for two months: how do I give her assistant full access to her mailbox?').category).toBe('exchange.recipients');
    expect(engine.triage('Teams chat and calls work well here and SharePoint runs smoothly. What I need is to forward one leaver\'s mail to his manager, where is that setting?').category).toBe('exchange.recipients');
  });

  it('still places a message by the product that fails when another one works', () => {
    expect(engine.triage('Mail works fine for everyone. Since this morning nobody can open the intranet site, it shows an error page.').category).toBe('sharepoint.sites');
    expect(engine.triage('Since the update OneDrive stops syncing on every PC with an error, although the web version works fine.').category).toBe('sharepoint.sites');
  });
});
