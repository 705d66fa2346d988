import { describe, expect, it } from 'vitest';
import { activityToTurn, inboundOf, NO_TENANT } from '../../src/channels/teams/inbound.js';
import { ALEX, BOT, TENANT, teamsMessage } from './helpers.js';

const serviceUrl = 'https://smba.trafficmanager.net/amer/';

describe('activityToTurn', () => {
  it('takes tenant, user, locale, time zone and a conversation reference from a Teams message', () => {
    const inbound = activityToTurn(teamsMessage({ serviceUrl, text: '  outlook down  ', locale: 'zh-TW' }));
    expect(inbound?.kind).toBe('message');
    expect(inbound?.turn).toMatchObject({
      channel: 'msteams',
      tenantId: TENANT,
      text: 'outlook down',
      user: { id: ALEX.aadObjectId, name: ALEX.name, locale: 'zh-TW', timeZone: 'Asia/Taipei' },
      conversationReference: { channelId: 'msteams', serviceUrl, bot: BOT, user: ALEX },
    });
  });

  it('falls back to channelData.tenant.id, from.id, clientInfo, and a placeholder tenant', () => {
    const activity = teamsMessage({ serviceUrl, text: 'x', from: { id: '29:no-aad', name: '' } });
    delete (activity.conversation as Record<string, unknown>).tenantId;
    delete activity.localTimezone;
    delete activity.locale;
    activity.entities = [{ type: 'clientInfo', locale: 'zh-TW', timezone: 'Asia/Taipei' }];
    expect(activityToTurn(activity)?.turn).toMatchObject({ tenantId: TENANT, user: { id: '29:no-aad', name: '29:no-aad', locale: 'zh-TW', timeZone: 'Asia/Taipei' } });
    delete activity.channelData;
    expect(activityToTurn(activity)?.turn.tenantId).toBe(NO_TENANT);
  });

  it('removes every @mention of the bot but keeps other mentions', () => {
    const activity = teamsMessage({
      serviceUrl,
      text: '<at>Triage Bot</at> mail for <at>Jo</at> bounces <at>Triage Bot</at>',
      entities: [
        { type: 'mention', text: '<at>Triage Bot</at>', mentioned: BOT },
        { type: 'mention', text: '<at>Jo</at>', mentioned: { id: '29:jo', name: 'Jo' } },
        { type: 'mention', text: '<at>Triage Bot</at>', mentioned: BOT },
      ],
    });
    expect(activityToTurn(activity)?.turn.text).toBe('mail for <at>Jo</at> bounces');
    expect(activity.text).toContain('<at>Triage Bot</at>');
  });

  it('passes Action.Submit data without the verb, and data without a known verb as the unknown verb', () => {
    expect(activityToTurn(teamsMessage({ serviceUrl, value: { verb: 'closeCase', number: 'SR-1' } }))?.turn.action).toEqual({ verb: 'closeCase', data: { number: 'SR-1' } });
    expect(activityToTurn(teamsMessage({ serviceUrl, value: { action: 'old-style' } }))?.turn.action).toEqual({ verb: 'unknown', data: { action: 'old-style' } });
  });

  it('reads Action.Execute invokes and ignores other invokes and activity types', () => {
    const base = teamsMessage({ serviceUrl });
    expect(activityToTurn({ ...base, type: 'invoke', name: 'adaptiveCard/action', value: { action: { verb: 'myCases', data: { a: 1 } } } })).toMatchObject({
      kind: 'execute',
      turn: { action: { verb: 'myCases', data: { a: 1 } } },
    });
    expect(activityToTurn({ ...base, type: 'invoke', name: 'composeExtension/query' })).toBeUndefined();
    expect(activityToTurn({ ...base, type: 'typing' })).toBeUndefined();
    expect(activityToTurn({ ...base, type: 'messageReaction' })).toBeUndefined();
  });

  it('welcomes only when the bot itself is added', () => {
    const base = teamsMessage({ serviceUrl });
    expect(activityToTurn({ ...base, type: 'conversationUpdate', membersAdded: [BOT] })).toMatchObject({ kind: 'welcome', turn: { text: 'help' } });
    expect(activityToTurn({ ...base, type: 'conversationUpdate', membersAdded: [{ id: '29:other', name: 'Other' }] })).toBeUndefined();
    expect(activityToTurn({ ...base, type: 'conversationUpdate', membersRemoved: [BOT] })).toBeUndefined();
  });
});

describe('inboundOf', () => {
  const click = (verb: string) => teamsMessage({ serviceUrl, value: { verb, number: 'SR-261125-0001', tenant: TENANT } });

  it('sends a desk button to the desk with its inputs, and everything else to the core', () => {
    expect(inboundOf(click('desk.claim'), { desk: true })).toEqual({ to: 'desk', action: { verb: 'claim', value: { verb: 'desk.claim', number: 'SR-261125-0001', tenant: TENANT } } });
    expect(inboundOf(click('showCase'), { desk: true })).toMatchObject({ to: 'core', kind: 'action', turn: { action: { verb: 'showCase' } } });
    expect(inboundOf(teamsMessage({ serviceUrl, text: 'hi' }), { desk: true })).toMatchObject({ to: 'core', kind: 'message' });
  });

  it('gives the core a desk button when there is no desk, and an unknown desk verb always', () => {
    // Verbs the core does not know reach it as the unknown verb (it answers "that card has expired").
    expect(inboundOf(click('desk.claim'), { desk: false })).toMatchObject({ to: 'core', turn: { action: { verb: 'unknown' } } });
    expect(inboundOf(click('desk.explode'), { desk: true })).toMatchObject({ to: 'core', turn: { action: { verb: 'unknown' } } });
  });

  it('has nothing for a typing activity', () => {
    expect(inboundOf({ ...teamsMessage({ serviceUrl }), type: 'typing' }, { desk: true })).toBeUndefined();
  });
});
