import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

// Messages written for these tests (not copied from the dev set), one or more per category.
const REPRESENTATIVE: ReadonlyArray<[string, string]> = [
  ['exchange.migration', 'the IMAP migration batch from our old hosting provider fails for every mailbox with an authentication error'],
  ['exchange.recipients', 'need to give our receptionist Send As rights on the info@ shared mailbox'],
  ['exchange.autodiscover', 'new Outlook profiles fail during setup because autodiscover points at our retired server'],
  ['exchange.mailflow', 'customers get an NDR 550 5.7.1 when they email our sales team'],
  ['exchange.usage', 'the calendar in Outlook on the web shows a blank page for the CFO'],
  ['sharepoint.permissions', 'after I broke inheritance on the Legal library the lawyers get access denied'],
  ['sharepoint.external', 'how do I stop users from creating Anyone links for external people?'],
  ['sharepoint.sites', 'the OneDrive sync client keeps saying processing changes and never finishes for one user'],
  ['skype.setup', 'the Skype for Business client installer fails on the new laptops'],
  ['skype.communication', 'Teams meetings drop everyone after five minutes and nobody can rejoin'],
  ['office.install', 'Microsoft 365 Apps shows Product Activation Failed for one of our users'],
  ['tenant.provisioning', 'assigned an E3 license yesterday but the user still has no mailbox'],
  ['tenant.domains', 'the TXT record for domain verification is in place but the admin center says it cannot find it'],
  ['identity.sso', 'AD FS sign-in fails for our federated domain with MSIS7000'],
  ['identity.dirsync', 'Entra Connect reports duplicate attribute errors for three users'],
  ['identity.users', 'how do I reset MFA for a user who lost her phone?'],
  ['billing.purchase', 'how do I buy Project Plan 1 for our PMO?'],
  ['billing.conversion', 'our trial ends next week, how do we convert it to a paid subscription?'],
  ['billing.invoice', 'the invoice for October charged us twice for Business Premium'],
  ['billing.renewal', 'how do I turn off auto-renew on our subscription?'],
  ['billing.licenses', 'we need 12 more Business Standard licenses for the new team'],
  ['billing.cancellation', 'please cancel our Visio subscription, we stopped using it'],
  ['presales.inquiry', "what's the difference between Business Standard and Business Premium?"],
  ['boundary.network', 'our proxy blocks outlook.office365.com so Outlook cannot connect in the office'],
  ['boundary.third-party', 'the Mimecast gateway is rejecting inbound mail before it reaches us'],
  ['boundary.scripts', 'my PowerShell script to set mailbox quotas errors on line 12, please debug it'],
  ['redirect.sovereign', 'our tenant is Office 365 operated by 21Vianet and mail stopped arriving'],
  ['redirect.developer', 'our devs need help with the Microsoft Graph API to read mailbox folders from our app'],
  ['redirect.volume-licensing', 'where do I find the licenses we bought under our Enterprise Agreement?'],
  ['unknown', 'hello there'],
];

describe('triage: one message per category', () => {
  it.each(REPRESENTATIVE)('places %s', (category, text) => {
    expect(engine.triage(text).category).toBe(category);
  });

  it('covers every category of the taxonomy', async () => {
    const { CATEGORIES } = await import('../../src/domain/taxonomy.js');
    const covered = new Set(REPRESENTATIVE.map(([category]) => category));
    expect(CATEGORIES.map((c) => c.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('triage: tie-breaks in taxonomy order', () => {
  it('1. a 21Vianet or Germany tenant wins whatever else the message says', () => {
    const result = engine.triage('our China tenant run by 21Vianet has a SharePoint site down for everyone');
    expect(result.category).toBe('redirect.sovereign');
    expect(result.severity).toBeNull();
  });

  it('1. a sovereign tenant mentioned only to rule it out does not count', () => {
    const result = engine.triage('not the 21Vianet one, our global tenant: external mail bounces with NDR 550 5.4.1 for everyone');
    expect(result.category).toBe('exchange.mailflow');
  });

  it.each([
    'We are not on the 21Vianet cloud, our tenant is worldwide, and Outlook cannot send mail for anyone since this morning',
    'we are not in 21Vianet, this is the normal tenant: Outlook cannot send mail for anyone',
  ])('1. a sovereign cloud ruled out with words between "not" and its name does not count: %s', (text) => {
    expect(engine.triage(text).category).toBe('exchange.mailflow');
  });

  it('1. a tenant said to be on 21Vianet still goes to its own support', () => {
    expect(engine.triage('our Beijing office is on the 21Vianet cloud and cannot receive mail').category).toBe('redirect.sovereign');
  });

  it('2. an asserted outside cause wins over the symptom', () => {
    expect(engine.triage('Outlook cannot connect for the whole office, it is our new firewall blocking it').category).toBe('boundary.network');
  });

  it('2. a cause that is ruled out does not count: the symptom decides', () => {
    const result = engine.triage("mail to every external domain is stuck in the queue since 9am, and no it's not our firewall");
    expect(result.category).toBe('exchange.mailflow');
    expect(result.severity).toBe('A');
  });

  it('2. a cause that is only suspected does not count', () => {
    expect(engine.triage('Outlook keeps asking for a password for one user, could it be our proxy?').category).not.toBe('boundary.network');
  });

  it('3. Outlook failing to find the mailbox during profile setup is Autodiscover, mail not arriving is mail flow', () => {
    expect(engine.triage('Outlook profile setup cannot find the mailbox settings for new users').category).toBe('exchange.autodiscover');
    expect(engine.triage('mail from our biggest customer is not arriving since Monday').category).toBe('exchange.mailflow');
  });

  it('4. volume licensing wins over billing, a technical issue that mentions it keeps its own category', () => {
    expect(engine.triage('how do we add 30 seats to the licenses we bought under our MPSA?').category).toBe('redirect.volume-licensing');
    expect(
      engine.triage('our users licensed through the Enterprise Agreement get NDR 550 5.1.10 when sending to one partner').category,
    ).toBe('exchange.mailflow');
  });

  it('5. GAL mail contacts are recipients, a user\'s own Outlook contacts are usage', () => {
    expect(engine.triage('a mail contact for our supplier does not show in the global address list').category).toBe('exchange.recipients');
    expect(engine.triage("one user can't delete contacts from her Outlook contacts").category).toBe('exchange.usage');
  });
});

describe('triage: DNS records for a domain', () => {
  it('the DKIM selector CNAMEs are domain DNS records, not Autodiscover', () => {
    expect(engine.triage('the Defender portal will not show the two DKIM CNAME records I have to add at our DNS host').category).toBe('tenant.domains');
  });
});

describe('triage: severity in the order taxonomy.md gives', () => {
  it('a how-to question is C however critical the topic', () => {
    expect(engine.triage('how do I fail over our AD FS farm to the second server?').severity).toBe('C');
  });

  it('everyone cut off is A, with the cue in the reasons', () => {
    const result = engine.triage('nobody can send email since 8am');
    expect(result.severity).toBe('A');
    expect(result.reasons.join(' ')).toMatch(/'nobody'.*Severity A/);
  });

  it('a deadline at risk makes an outage A', () => {
    expect(engine.triage('domain verification fails and our brand switch-over is tonight').severity).toBe('A');
  });

  it('a failure only asked about is a question (C); the same failure stated is not', () => {
    expect(engine.triage('if the Entra Connect upgrade fails halfway, is there any way to roll back?').severity).toBe('C');
    expect(engine.triage('the Entra Connect upgrade fails halfway. is there any way to roll back?').severity).not.toBe('C');
  });

  it('a day named as when the fault began is no deadline; a due day is', () => {
    expect(engine.triage('Today I tried again and Outlook still crashes on start').severity).toBe('B');
    expect(engine.triage('the shared mailbox stopped sending for the whole team, payroll is due by Friday').severity).toBe('A');
  });

  it('"every other app works" leaves several users several; "every other user is fine" makes it one', () => {
    expect(engine.triage('several users cannot sign in to Teams on their laptops, every other app works for them').severity).toBe('A');
    expect(engine.triage('one laptop cannot sign in to Teams, every other user is fine').severity).toBe('B');
  });

  it('another route that still works for the user is a workaround (C); for several users it stays A', () => {
    expect(engine.triage('the Teams chat will not let me add the contractor, I am currently able to message him from Skype').severity).toBe('C');
    expect(engine.triage('the whole team cannot chat with the contractor in Teams, we are currently able to reach him by email').severity).toBe('A');
  });

  it('asking for documentation to be cleared up is C even when it names a limit', () => {
    expect(engine.triage('Helpdesk admins cannot reset MFA methods, and I cannot find any documentation on which role may. Please document it').severity).toBe('C');
  });

  it('a request for new access breaks nothing (C)', () => {
    expect(engine.triage("I am trying to get access to upload to the Finance SharePoint, I have it on the HR one already").severity).toBe('C');
  });

  it('one user broken without a workaround is B', () => {
    expect(engine.triage('one user cannot open the finance library, access denied').severity).toBe('B');
  });

  it('a workaround lowers one user to C; an admin-only PowerShell workaround does not', () => {
    expect(engine.triage('one user cannot see the calendar in Outlook, she uses OWA meanwhile').severity).toBe('C');
    expect(engine.triage('setting the forwarding address fails in the Exchange admin center, it works in PowerShell').severity).toBe('B');
  });

  it('negations: "not everyone, only her" is one user', () => {
    const result = engine.triage('Outlook crashes on start, not everyone, only her');
    expect(result.scope).toBe('single');
    expect(result.severity).toBe('B');
  });

  it('"everyone else is fine" makes it one user even with numbers around', () => {
    expect(engine.triage('the migration of 199 of 200 mailboxes completed, one mailbox failed, everyone else is fine').severity).toBe('B');
  });

  it('billing is C unless users are cut off', () => {
    expect(engine.triage('why is this invoice higher than last month?').severity).toBe('C');
    expect(engine.triage('our subscription expired and all 50 users are locked out of Outlook').severity).toBe('A');
  });

  it('boundaries, redirects and unknown carry no severity', () => {
    for (const text of ['my script fails on line 3', 'we use Office 365 Germany', 'hi']) {
      expect(engine.triage(text).severity).toBeNull();
    }
  });
});

describe('triage: Traditional Chinese', () => {
  it('places zh-TW complaints and answers in zh-TW', () => {
    const result = engine.triage('全公司寄出去的信都被退回,顯示 550 5.7.1');
    expect(result.category).toBe('exchange.mailflow');
    expect(result.severity).toBe('A');
    expect(result.language).toBe('zh-TW');
  });

  it('reads one-user scope in Chinese', () => {
    const result = engine.triage('有一位同事安裝 Office 一直失敗,其他人都正常');
    expect(result.category).toBe('office.install');
    expect(result.severity).toBe('B');
  });

  it('sends a 21Vianet tenant to its own support', () => {
    expect(engine.triage('我們的 Office 365 是世紀互聯營運的,信箱收不到信').category).toBe('redirect.sovereign');
  });
});

describe('triage: typo tolerance', () => {
  it.each([
    ['sharepiont site is down for everyone', 'sharepoint.sites'],
    ['autodiscovr fails for new outlook profiles', 'exchange.autodiscover'],
    ['site permisions are broken, access denied for the team', 'sharepoint.permissions'],
  ])('%s', (text, category) => {
    expect(engine.triage(text).category).toBe(category);
  });
});

describe('triage: results explain themselves', () => {
  it('names the cues behind category and severity', () => {
    const result = engine.triage("outlook can't send for the whole sales floor since 9am, NDR 550 5.7.1");
    expect(result.category).toBe('exchange.mailflow');
    expect(result.severity).toBe('A');
    expect(result.reasons[0]).toMatch(/ndr/i);
    expect(result.reasons[1]).toMatch(/whole.*Severity A/);
    expect(result.links.length).toBeGreaterThanOrEqual(2);
    expect(result.links.length).toBeLessThanOrEqual(4);
  });

  it("quotes the admin's own words, not the normalized ones", () => {
    const result = engine.triage("Outlook CAN'T send for the whole Sales floor, NDR 550 5.7.1");
    expect(result.reasons[0]).toContain("'CAN'T send'");
    expect(result.reasons[0]).not.toContain('can not');
    expect(result.reasons[1]).toContain('Sales');
  });

  it('asks what would help when it cannot place a message', () => {
    const result = engine.triage("it's broken again");
    expect(result.category).toBe('unknown');
    expect(result.support).toBe('unknown');
    expect(result.needs).toContain('service');
  });
});

describe('triage: bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t  '],
    ['emoji only', '🔥🔥🔥😱'],
    ['binary garbage', String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 7919) % 65535))],
    ['HTML', '<script>alert(1)</script><b>outlook</b>'],
    ['markdown', '**[click](http://evil.example)** # heading `code`'],
  ])('%s: answers without throwing', (_name, text) => {
    const result = engine.triage(text);
    expect(result.category).toBeTypeOf('string');
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  // What 100 KB costs is printed by npm run bench; here, that it is read (truncated) and placed.
  it('100 KB of text is placed from its first part', () => {
    const text = 'outlook cannot send mail for everyone '.repeat(2800);
    expect(text.length).toBeGreaterThan(100_000);
    const result = engine.triage(text);
    expect(result.category).toBe('exchange.mailflow');
    expect(result.truncated).toBe(true);
  });

  it('does not throw on values that are not strings at all', () => {
    expect(() => engine.triage(undefined as unknown as string)).not.toThrow();
    expect(() => engine.triage(42 as unknown as string)).not.toThrow();
  });
});
