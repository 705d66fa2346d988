import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { PROBES_ROUND4 } from './probe-messages-round4.js';
import { describeProbeRound } from './probe-suite.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describeProbeRound('probe round 4: messages written and labeled before triaging them', PROBES_ROUND4, () => engine);

describe('the classes probe round 4 fixed', () => {
  it('leaves a follow-up that names no service or symptom to unknown, and places one that names them', () => {
    expect(engine.triage('Hello again, has anyone looked at what I sent on Friday?').category).toBe('unknown');
    expect(engine.triage('The thing from last month is back, same as before').category).toBe('unknown');
    expect(engine.triage('Any update? The finance team still cannot open the budget site').category).toBe('sharepoint.sites');
  });
});

describe('users named by a failing job while everyone goes on working', () => {
  it('gives a job that skipped some users Sev B when the message says nobody is cut off', () => {
    expect(engine.triage('The Entra Connect sync skips 30 users with an attribute error. Everyone can still sign in.').severity).toBe('B');
    expect(engine.triage('Azure AD Connect shows export errors for 9 users, their new phone numbers never reach the cloud. No one is blocked.').severity).toBe('B');
  });

  it('keeps Sev A when the people themselves cannot work, whatever else still works', () => {
    expect(engine.triage('Everyone can still use webmail but nobody in the office can send mail from Outlook since this morning').severity).toBe('A');
    expect(engine.triage('Users can still work, but since Monday 15 users cannot open the HR site.').severity).toBe('A');
  });
});

describe('"everyone" inside a group\'s name', () => {
  it('does not read a group named for everyone as everyone affected', () => {
    expect(engine.triage('Our All Staff distribution list rejects messages from one manager since yesterday').severity).toBe('B');
  });

  it('still reads everyone affected beside such a name', () => {
    expect(engine.triage('Since this morning everyone gets an error when opening the All Company team').severity).toBe('A');
  });
});

describe('history told before a different request', () => {
  it('lets the request decide when the first sentences tell what happened years ago', () => {
    expect(engine.triage('We set up Azure AD Connect in 2020 and it has run quietly since. How do I convert a user mailbox to a shared mailbox?').category).toBe('exchange.recipients');
    expect(engine.triage('Years ago we federated our domain with AD FS. Since this morning nobody can hear anyone in Teams calls.').category).toBe('skype.communication');
  });

  it('keeps the history\'s own area when the request is about it too', () => {
    expect(engine.triage('We moved most mailboxes in 2023 with a staged migration. The last batch of 5 mailboxes now fails at finalizing, how do I retry it?').category).toBe('exchange.migration');
    expect(engine.triage('Back in 2021 we bought Business Premium. Our Entra Connect server stopped syncing yesterday, how do I restart the sync?').category).toBe('identity.dirsync');
  });
});

describe('a group\'s own restrictions and names', () => {
  it('reads a bounce saying the sender may not send to the group as the group\'s configuration (tie-break 6)', () => {
    expect(engine.triage("Since Monday a manager's messages to the Sales list come back saying she is not allowed to send to this group").category).toBe('exchange.recipients');
  });

  it('reads no failure into SharePoint\'s Everyone except external users group', () => {
    expect(engine.triage('Where do I hide the Everyone except external users choice from the people picker?').severity).toBe('C');
  });
});
