/** The words on the admin's cards: the "Why" lines, the case confirmation, the non-admin's forward, the form's prefill. */
import { describe, expect, it } from 'vitest';
import { renderReason } from '../../src/triage/reasons.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { ADMIN, USER, harness, only, texts } from './helpers.js';

const engine = loadDefaultRules();
const salesFloor = "outlook can't send for the whole sales floor since 9am, NDR 550 5.7.1";

describe('the "Why" lines of a triage card', () => {
  it('name the category by its display name, say "points to" after one cue, and use no taxonomy jargon', async () => {
    const h = await harness(engine);
    for (const message of [salesFloor, 'our new firewall blocks Outlook for everyone', 'sharepoint site down for everyone', 'autodiscover fails for one user']) {
      for (const lang of ['en', 'zh-TW'] as const) {
        const reasons = only(await h.say(message, { user: { ...ADMIN, locale: lang } }), 'triage').reasons.join('\n');
        expect(reasons, message).not.toMatch(/\b[a-z]+\.[a-z]+\b(?!\.)/); // exchange.mailflow, boundary.network
        expect(reasons, message).not.toMatch(/tie-break|判定規則/);
      }
    }
    const one = only(await h.say('autodiscover fails for one user'), 'triage').reasons[0];
    expect(one).toBe("'autodiscover' points to Exchange Online · Autodiscover and Outlook profile setup");
    expect(only(await h.say(salesFloor), 'triage').reasons[0]).toMatch(/' point to Exchange Online · Mail flow$/);
  });

  it('do not call a named group "every user", but do for everyone', async () => {
    const h = await harness(engine);
    const group = only(await h.say(salesFloor), 'triage').reasons.join('\n');
    expect(group).not.toMatch(/every user/);
    expect(group).toMatch(/a whole team or group of users is affected → Severity A/);
    expect(only(await h.say('nobody in the company can send mail, NDR 550 5.7.1'), 'triage').reasons.join('\n')).toMatch(/every user is affected/);
  });

  it('keep the contraction the admin typed and do not repeat a failure a cue already says', async () => {
    const h = await harness(engine);
    const reasons = only(await h.say('one user cannot sign in after an MFA reset'), 'triage').reasons.join('\n');
    expect(reasons).not.toMatch(/can not/);
    expect(reasons).toContain("'user cannot'");
  });

  it('never quote most of a message back as a cue', () => {
    const long = 'every single person on the third floor of the building next door';
    const text = renderReason({ kind: 'severity', rule: 'everyone', severity: 'A', cues: [long, 'everyone'] }, 'en');
    expect(text).not.toContain(long);
    expect(text).toBe("'everyone': every user is affected → Severity A");
  });
});

describe('the case form and confirmation', () => {
  it('prefills the group the admin named, not "Everyone"; "everyone" stays Everyone', async () => {
    const h = await harness(engine);
    await h.say(salesFloor);
    expect(only(await h.act('openCase'), 'case-form').values.affectedUsers).toBe('the whole sales floor');
    await h.say('整個業務部門都收不到信');
    expect(only(await h.act('openCase'), 'case-form').values.affectedUsers).toBe('整個業務部門');
    await h.say('nobody in the company can send mail, NDR 550 5.7.1');
    expect(only(await h.act('openCase'), 'case-form').values.affectedUsers).toBe('Everyone');
  });

  it('the confirmation says when to expect a response, not "if you open a case now"', async () => {
    const h = await harness(engine);
    await h.say(salesFloor);
    const form = only(await h.act('openCase'), 'case-form');
    const created = only(await h.act('submitCase', { ...form.values, formId: form.formId }), 'case-created');
    expect(created.expectation?.summary).toMatch(/; expect a response by \d\d:\d\d your time$/);
    expect(created.expectation?.summary).not.toMatch(/if you open a case now/);
  });

  it('a non-admin is given the summary to forward, and "my cases" promises nothing to forward', async () => {
    const h = await harness(engine, { config: { adminUsers: ['megan@contoso.com'] } });
    const replies = await h.say(salesFloor, { user: USER });
    const forward = texts(replies);
    expect(forward).toMatch(/Here is a summary you can forward to them:\n\nSupport request from a user:\n"outlook can't send/);
    expect(forward).toContain('Exchange Online · Mail flow');
    const refused = texts(await h.say('my cases', { user: USER }));
    expect(refused).toMatch(/Please ask your Office 365 admin\.$/m);
    expect(refused).not.toMatch(/forward/);
  });
});
