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

describe('a group\'s own sending restriction behind a bounce (tie-break 6)', () => {
  it('places the bounce with the group\'s configuration, however many bounce words come first', () => {
    expect(engine.triage('Since yesterday a supplier\'s mail to our Sales distribution list bounces with a 5.7.1 error; the list was changed to take mail only from senders inside our organization.').category).toBe('exchange.recipients');
    expect(engine.triage('Bounce after bounce: our new intern\'s messages to the Board list come back, the NDR says he is not permitted to send to the Board list.').category).toBe('exchange.recipients');
  });

  it('keeps rejections by a rule or the service in mail flow', () => {
    expect(engine.triage('A new transport rule rejects every message with a zip file, including mail sent to our Sales distribution list. How do I add an exception?').category).toBe('exchange.mailflow');
    expect(engine.triage('Outside partners get a 550 5.7.1 bounce when they write to our Projects group; internal people can send to it fine.').category).toBe('exchange.mailflow');
  });
});
