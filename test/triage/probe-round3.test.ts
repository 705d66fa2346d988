import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { PROBES_ROUND3, PROBES_ROUND3_FRESH } from './probe-messages-round3.js';
import { describeProbeRound } from './probe-suite.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describeProbeRound('probe round 3: messages written and labeled before triaging them', [...PROBES_ROUND3, ...PROBES_ROUND3_FRESH], () => engine);

describe('the category classes probe round 3 found', () => {
  it('sends licenses from a reseller under a volume licensing program to volume licensing, and a syndication partner to the partner', () => {
    expect(engine.triage('Our Open Value agreement came through our reseller, we need to add 15 licences at the anniversary, who handles that?').category).toBe('redirect.volume-licensing');
    expect(engine.triage('We pay our reseller for Microsoft 365 every month and want to change the plan, the admin center will not let us').category).toBe('boundary.third-party');
  });

  it('keeps a 21Vianet tenant redirected when the worldwide tenant is context, not when the question is about the worldwide one', () => {
    expect(engine.triage('The Office 365 our Beijing plant uses is operated by 21Vianet; people from our global tenant cannot open their Teams meeting links').category).toBe('redirect.sovereign');
    expect(engine.triage('We also run a 21Vianet tenant, no issue there. For our global tenant: how do I add a second domain?').category).toBe('tenant.domains');
  });

  it('reads a scheduled PowerShell job as the admin\'s own script', () => {
    expect(engine.triage('Our PowerShell job that disables stale guest accounts every Sunday now exits with access denied').category).toBe('boundary.scripts');
  });

  it('reads how a room mailbox answers bookings as calendar usage, and creating one as recipients', () => {
    expect(engine.triage('The projector room mailbox got double booked again, both organizers were accepted').category).toBe('exchange.usage');
    expect(engine.triage('How do I create a room mailbox for the new meeting room?').category).toBe('exchange.recipients');
  });

  it('reads Teams and 安裝 a few characters apart as installing Teams', () => {
    expect(engine.triage('會計部的電腦 Teams 新版一直無法安裝').category).toBe('skype.setup');
  });

  it('leaves reader feedback on a page to unknown when no rule places it', () => {
    expect(engine.triage('The example in this article has a small thing wrong, the bracket is on the wrong line').category).toBe('unknown');
  });
});
