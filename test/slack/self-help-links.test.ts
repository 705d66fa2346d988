/**
 * The self-help links a Slack admin sees, through a signed DM event on the real server: the
 * matched symptom's page, and for an outage the Microsoft 365 service health page.
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/core.js';
import { SERVICE_HEALTH_LINK } from '../../src/conversation/triage-reply.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { buttonsOf, dmEvent, eventEnvelope, startSlackHarness, type SlackHarness } from './helpers.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

const open: { h: SlackHarness; store: CaseStore }[] = [];
afterEach(async () => {
  for (const { h, store } of open.splice(0)) {
    await h.close();
    await store.close();
  }
});

async function linkButtonsFor(message: string): Promise<string[]> {
  const store = await openSqliteStore({ dataDir: ':memory:' });
  const core = createConversationCore({ engine, store, config: { credentialsConfigured: true, defaultPlan: 'Office 365 Enterprise E3' } });
  const h = await startSlackHarness({ core, store });
  open.push({ h, store });
  h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, tz: 'Europe/London', email: 'megan@contoso.com' });
  expect((await h.sendEvent(eventEnvelope(dmEvent('UADMIN', message)))).status).toBe(200);
  const [posted] = await h.slack.waitFor('chat.postMessage');
  return buttonsOf(posted?.args.blocks).flatMap((button) => (button.url ? [button.url] : []));
}

it('an MFA sign-in problem shows the MFA methods page as a link button, and no service health', async () => {
  const urls = await linkButtonsFor('one user cannot sign in after an MFA reset');
  expect(urls[0]).toBe('https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfa-userdevicesettings');
  expect(urls).not.toContain(SERVICE_HEALTH_LINK.url);
});

it('a site down for everyone shows service health first, then the site pages', async () => {
  const urls = await linkButtonsFor('the SharePoint intranet site is down for everyone since this morning');
  expect(urls[0]).toBe(SERVICE_HEALTH_LINK.url);
  expect(urls).toContain('https://learn.microsoft.com/en-us/sharepoint/manage-lock-status');
});
