/** The small rules of the support desk: configuration, "thanks" is not a reopen, the conditional update. */
import { describe, expect, it } from 'vitest';
import { isOnlyThanks, loadSupportDeskConfig, SupportDeskConfigError, deskVerbOf } from '../../src/support-desk/index.js';
import { renderSupportCaseBlocks } from '../../src/channels/slack/index.js';
import { loadSupportCardTemplates, renderSupportCaseCard } from '../../src/channels/teams/index.js';
import { supportCaseView } from '../../src/support-desk/view.js';
import { newCase, openTestStore } from '../store/helpers.js';

describe('support desk configuration', () => {
  it('reads channels, engineers (lower-cased) and the SLA interval, with a default of 60 s', () => {
    expect(loadSupportDeskConfig({})).toEqual({ engineers: [], slaCheckIntervalMs: 60_000 });
    expect(
      loadSupportDeskConfig({ SUPPORT_TEAMS_CHANNEL: ' 19:x@thread.tacv2 ', SUPPORT_SLACK_CHANNEL: 'C0SUP', SUPPORT_ENGINEERS: 'Eve@Contoso.com, U0EVE,,', SLA_CHECK_INTERVAL_SECONDS: '15' }),
    ).toEqual({ teamsChannel: '19:x@thread.tacv2', slackChannel: 'C0SUP', engineers: ['eve@contoso.com', 'u0eve'], slaCheckIntervalMs: 15_000 });
  });
  it('refuses a bad interval or a Slack channel name instead of an id', () => {
    expect(() => loadSupportDeskConfig({ SLA_CHECK_INTERVAL_SECONDS: '0' })).toThrow(SupportDeskConfigError);
    expect(() => loadSupportDeskConfig({ SLA_CHECK_INTERVAL_SECONDS: 'soon' })).toThrow(/SLA_CHECK_INTERVAL_SECONDS/);
    expect(() => loadSupportDeskConfig({ SUPPORT_SLACK_CHANNEL: '#support' })).toThrow(/channel id/);
  });
});

describe('a reopen that only says thanks', () => {
  it.each(['thanks', 'Thanks!', 'thank you so much', 'ok thanks', 'great, thanks a lot!', 'thx', '謝謝', '謝謝你！', '', '   '])('"%s" does not reopen', (text) => {
    expect(isOnlyThanks(text)).toBe(true);
  });
  it.each(['thanks, but it is broken again', 'still failing', 'ok', 'it fails again for two users, thanks'])('"%s" reopens', (text) => {
    expect(isOnlyThanks(text)).toBe(false);
  });
});

describe('desk verbs', () => {
  it('routes only known desk.* verbs', () => {
    expect(deskVerbOf('desk.claim')).toBe('claim');
    expect(deskVerbOf('desk.answer')).toBe('answer');
    expect(deskVerbOf('desk.nope')).toBeUndefined();
    expect(deskVerbOf('claim')).toBeUndefined();
    expect(deskVerbOf(42)).toBeUndefined();
  });
});

describe('store.updateCaseIf', () => {
  it('applies a change only while the condition holds, with its audit entry', async () => {
    const store = await openTestStore();
    const { case: c } = await store.createCase(newCase(), 'k1');
    const first = await store.updateCaseIf(c.tenantId, c.number, { owner: null }, { owner: 'Eve' }, { actor: 'eve', action: 'claimed' });
    expect(first.updated).toBe(true);
    const second = await store.updateCaseIf(c.tenantId, c.number, { owner: null }, { owner: 'Finn' }, { actor: 'finn', action: 'claimed' });
    expect(second).toMatchObject({ updated: false, case: { owner: 'Eve' } });
    expect((await store.getCase(c.tenantId, c.number))!.audit.map((a) => a.action)).toEqual(['created', 'claimed']);
    expect((await store.updateCaseIf(c.tenantId, c.number, { status: 'closed' }, { status: 'open' }, { actor: 'x', action: 'reopened' })).updated).toBe(false);
    expect((await store.updateCaseIf(c.tenantId, c.number, { owner: 'Eve', status: 'open' }, { status: 'closed' }, { actor: 'eve', action: 'resolved' })).updated).toBe(true);
    await expect(store.updateCaseIf(c.tenantId, 'SR-000000-0000', {}, {}, { actor: 'x', action: 'y' })).rejects.toThrow();
  });
});

describe("the case card's contact details", () => {
  it('shows them as stored, escaped for Slack mrkdwn and for card Markdown', async () => {
    const store = await openTestStore();
    const { case: c } = await store.createCase(
      newCase({ contact: { method: 'phone', phone: '<!channel> *now* [call](https://evil.example)', email: 'a_b@contoso.com', language: 'zh-TW', timeZone: 'Asia/Taipei' }, affectedUsers: 'the *whole* floor' }),
      'contact-1',
    );
    const view = supportCaseView(c, new Date());
    expect(view.contact).toEqual({
      reach: 'Phone (preferred): <!channel> *now* [call](https://evil.example) · Email: a_b@contoso.com',
      affectedUsers: 'the *whole* floor',
      language: 'Traditional Chinese (zh-TW)',
      timeZone: 'Asia/Taipei',
    });
    const slack = JSON.stringify(renderSupportCaseBlocks(view).blocks);
    expect(slack).toContain('&lt;!channel&gt;');
    expect(slack).not.toContain('<!channel>');
    const teams = JSON.stringify(renderSupportCaseCard(loadSupportCardTemplates(), view));
    expect(teams).toContain('\\\\*now\\\\*');
    expect(teams).toContain('\\\\[call\\\\]\\\\(https://evil.example\\\\)');
    await store.close();
  });
});
