/**
 * Self-help links follow the symptom: the intent that matched brings its own links, and an
 * outage (Sev A for several users or everyone) first points at Microsoft 365 service health.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_HEALTH_LINK } from '../../src/conversation/triage-reply.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { harness, only } from './helpers.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

// Messages written for these tests; each names the page a person with that symptom needs.
const SYMPTOMS: ReadonlyArray<[message: string, expectedPage: string]> = [
  ['one user cannot sign in after an MFA reset', '/entra/identity/authentication/howto-mfa-userdevicesettings'],
  ['how do I set a user password to never expire?', '/admin/add-users/set-password-to-never-expire'],
  ['the intranet site says it is read-only for everyone', '/sharepoint/manage-lock-status'],
  ['one user gets access denied on the Legal library', '/sharepoint/understanding-permission-levels'],
  ['customers get an NDR 550 5.7.1 when they email our sales team', '/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online'],
  ['Outlook crashes on start for our CFO, even in safe mode', '/troubleshoot/exchange/outlook-issues/crash-issues'],
  ['the OneDrive sync client shows a red x on every file for one user', '/sharepoint/sync-health'],
  ['how can guests skip the lobby in our Teams meetings?', '/microsoftteams/who-can-bypass-meeting-lobby'],
];

describe('self-help links per intent', () => {
  it.each(SYMPTOMS)('"%s" links %s', (message, page) => {
    const urls = engine.triage(message).links.map((link) => link.url);
    expect(urls.some((url) => url.endsWith(page))).toBe(true);
  });

  it('no longer offers bulk user creation for a sign-in after an MFA reset', () => {
    const urls = engine.triage('one user cannot sign in after an MFA reset').links.map((link) => link.url);
    expect(urls.some((url) => url.includes('users-bulk-add'))).toBe(false);
  });
});

describe('service health for outages', () => {
  it('a Sev A outage for everyone links service health first, then the intent links', async () => {
    const h = await harness(engine);
    const reply = only(await h.say('the SharePoint intranet site is down for everyone since this morning'), 'triage');
    expect(reply.severity).toBe('A');
    expect(reply.links[0]).toEqual(SERVICE_HEALTH_LINK);
    expect(reply.links.map((l) => l.url)).toContain('https://learn.microsoft.com/en-us/sharepoint/manage-lock-status');
    expect(reply.links.length).toBeLessThanOrEqual(4);
  });

  it('one user cut off is not an outage: no service health link', async () => {
    const h = await harness(engine);
    const reply = only(await h.say('one user cannot sign in after an MFA reset'), 'triage');
    expect(reply.links.map((l) => l.url)).not.toContain(SERVICE_HEALTH_LINK.url);
    expect(reply.links[0]?.url).toContain('howto-mfa-userdevicesettings');
  });

  it('a Sev B problem for everyone gets no service health link', async () => {
    const h = await harness(engine);
    const reply = only(await h.say('the intranet site says it is read-only for everyone'), 'triage');
    expect(reply.severity).toBe('B');
    expect(reply.links.map((l) => l.url)).not.toContain(SERVICE_HEALTH_LINK.url);
  });
});
