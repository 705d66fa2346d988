import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * Severity read from the whole message as admins write it on forums and help desks: the fault
 * and the request in different sentences, quoted errors, help requests, and scope words in
 * English, zh-TW and Japanese. Every message here was written for this test.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function severityOf(text: string): string | null {
  return engine.triage(text).severity;
}

describe('a fault followed by a request for help is no how-to (rule 3, not rule 1)', () => {
  it.each([
    ['"Can you help?" after an error', 'I get an error when I open the HR site in SharePoint. Can you help?'],
    ['"What should I do?" after a quoted error', 'When I try to add the domain I receive the error "The domain is already in use". What should I do?'],
    ['"any help would be great" after a fault', 'Outlook crashes for me whenever I open a calendar invite. Any help would be great.'],
    ['an angry "annoying" is no cosmetic fault', 'Outlook keeps crashing for me when I open attachments, really annoying.'],
    ['a failure that began last month is still going on', 'Since last month my OneDrive client has stopped syncing the project folder.'],
    ['a clear failure in a sentence about the article', 'Following this article, the Hybrid Configuration Wizard fails with error 1603 on my server.'],
  ])('%s', (_why, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it('the same help request without a fault stays C', () => {
    expect(severityOf('Can you help me set up a shared mailbox for the front desk?')).toBe('C');
  });
});

describe('a how-to after context is still a how-to (rule 1)', () => {
  it('a setting the tenant does not offer yet, asked how to enable', () => {
    expect(severityOf('Users currently cannot reset their own passwords. I would like to enable self-service password reset for them, what are the steps?')).toBe('C');
  });

  it('but the same how-to after something stopped working is a fault', () => {
    expect(severityOf('Since the update users can no longer reset their own passwords. How do we enable self-service reset again?')).not.toBe('C');
  });

  it('a setting wanted and failing in the same sentence is the fault itself', () => {
    expect(severityOf('I followed the documented steps to enable DKIM, but the toggle fails with "CNAME record does not exist" although both records resolve.')).toBe('B');
  });

  it('feedback on a page whose step names a menu that no longer exists is C', () => {
    expect(severityOf('Step 3 of the Teams guest access guide refers to a menu that no longer exists in the Teams admin center. Please fix the doc.')).toBe('C');
  });

  it('a yes/no question asks whether a failure would happen, it reports none', () => {
    expect(severityOf('When a mailbox is over its quota, what happens to new incoming mail? Does it bounce?')).toBe('C');
  });

  it('asking why a product is designed a way is no fault report; asking why it fails is', () => {
    expect(severityOf('Why does a shared mailbox in Exchange Online need a license once it has an archive?')).toBe('C');
    expect(severityOf('Why does the Teams client crash every time I share my screen?')).toBe('B');
  });

  it('a count is no HTTP error: "500 mailboxes" in a plan stays C', () => {
    expect(severityOf('We plan to migrate 500 mailboxes next month from Exchange 2013. What is the recommended approach?')).toBe('C');
  });

  it('"not in the group" says who, it does not deny the error after it', () => {
    expect(severityOf('We scoped password reset to one group. The users not in the group show an error in the sign-in log.')).not.toBe('C');
  });
});

describe('a setting that does not hold is a fault, not a workaround (rule 3)', () => {
  it('a restriction the admin set, and users can still do it', () => {
    expect(severityOf('I removed edit rights from the Contracts library for the interns, but they are still able to delete files there.')).toBe('B');
  });
});

describe('a workaround the user can live with is C (rule 4)', () => {
  it('asking for a workaround is not having one', () => {
    expect(severityOf('Outlook crashes for me whenever I open a PDF attachment. Is there a workaround?')).toBe('B');
    expect(severityOf('Outlook crashes for me whenever I open a PDF attachment; as a workaround I open it in the browser.')).toBe('C');
  });

  it.each([
    ['another client works', "One user's Outlook desktop will not show the shared calendar, it works fine in the browser."],
    ['"can live with it"', "One user's calendar shows meetings in the wrong time zone in the mobile app, the desktop is fine, she can live with it."],
  ])('%s', (_why, text) => {
    expect(severityOf(text)).toBe('C');
  });
});

describe('scope words of zh-TW and Japanese', () => {
  it.each([
    ['全社 (whole company, ja)', '全社でTeamsにサインインできません。'],
    ['全員 (everyone, ja)', '本社の全員がOutlookでメールを送信できません。'],
    ['複数のユーザー (several users, ja)', '複数のユーザーがTeamsの会議に参加できません。'],
    ['同仁都 (all colleagues, zh-TW)', '今天早上開始同仁都無法登入 Outlook。'],
    ['部分使用者 (some users, zh-TW)', '部分使用者無法加入 Teams 會議，一直顯示錯誤。'],
  ])('%s: A', (_form, text) => {
    expect(severityOf(text)).toBe('A');
  });

  it.each([
    ['特定のユーザー (one user, ja)', '特定のユーザーだけOutlookでエラーが出て、メールを送信できません。'],
    ['該使用者 (that user, zh-TW)', '該使用者的 OneDrive 無法同步，其他人都正常。'],
  ])('%s: B', (_form, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it.each([
    ['a whole team named with its own words', 'Teams calls keep dropping for our whole support team since 9am, customers cannot reach us.', 'a whole team or group'],
    ['業務部的人都 (everyone of a department, zh-TW)', '業務部的人都收不到客戶寄來的信。', '整個團隊或群組'],
    ['多くのユーザー (many users, ja)', '多くのユーザーがTeamsでチャットを送信できません。', '多位使用者'],
  ])('%s: A, and the reason says who', (_form, text, who) => {
    const result = engine.triage(text);
    expect(result.severity).toBe('A');
    expect(result.reasonsByLang[result.language].join(' ')).toContain(who);
  });

  it('a team as the subject of the failure is several people', () => {
    expect(severityOf("Our finance team can't open the budget workbook in SharePoint since this morning.")).toBe('A');
  });

  it('sign-in failing for a whole domain is every user of it, even when another domain is fine', () => {
    expect(severityOf('Federated sign-in for the users of our acquired company domain fails with AADSTS50107, the main domain is fine.')).toBe('A');
  });

  it('"one of our mailboxes" is one, not "our mailboxes"', () => {
    expect(severityOf('One of our mailboxes has been stuck in the migration batch at "Syncing" for four days.')).toBe('B');
  });
});

describe('wishes and suggestions are C (rule 1), quoted product text is not the admin\'s wish', () => {
  it('an admin\'s suggestion for the product', () => {
    expect(severityOf('I suggest that the Teams admin center shows the policy name next to each user, the current list does not show it.')).toBe('C');
  });

  it('"please consider" inside a quoted error message is the product speaking', () => {
    expect(severityOf('Removing the domain fails with: "The domain cannot be removed right now. Please consider removing the remaining objects first." I cannot find any objects on it.')).toBe('B');
  });
});

describe('billing: a subscription switched off cuts everyone off (A)', () => {
  it('an account disabled for non-payment, with a how-to to pay', () => {
    expect(severityOf('Our Microsoft 365 subscription got suspended because the credit card expired, how do we pay to get it back?')).toBe('A');
  });

  it('asking what would happen is still C', () => {
    expect(severityOf('What happens to our mailboxes when a subscription is suspended?')).toBe('C');
    expect(severityOf('If our subscription is suspended, will the mailboxes be deleted?')).toBe('C');
  });
});

describe('severity does not wait for the category', () => {
  // No service is named here: whatever the category layers make of it, who is affected is read.
  it('a message that names no service still has its scope read, and is A for whichever service the admin picks', () => {
    const text = '全社で朝から開けません。';
    const result = engine.triage(text);
    expect(result.scope).toBe('everyone');
    expect(result.needs).not.toContain('scope');
    expect(engine.triage(text, { category: 'sharepoint.sites' }).severity).toBe('A');
    expect(engine.triage(text, { category: 'exchange.usage' }).severity).toBe('A');
  });

  it('attempts that did not help keep a request for access a fault', () => {
    expect(severityOf('I need access to the Budget folder on the finance site. The owner tried to add me several times, no luck.')).toBe('B');
  });

  it('behaviour that keeps coming back is a fault even without a failure verb', () => {
    expect(severityOf('Every morning the default calendar in my Outlook reverts to the old shared calendar, it keeps doing that.')).toBe('B');
  });

  it.each([
    ['a password asked for again and again', 'IT Support: user2 reports Outlook asks for her password every few minutes since Monday.'],
    ['a device not detected', 'Ticket: camera not detected in Teams for user3 since the driver update.'],
    ['nothing moving', "Help desk: user4's OneDrive shows a spinning icon and nothing uploads."],
  ])('third-person help-desk tickets: %s is B', (_why, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it.each([
    ['今天 says when it began, not a deadline (zh-TW)', '我的 Outlook 今天早上開始無法寄信。'],
    ['今天 at the start of the sentence (zh-TW)', '我今天無法登入 OneDrive，顯示錯誤代碼 0x8004de40。'],
    ["the writer's own client, even with tomorrow's presentation", 'Tomorrow I have a presentation but my PowerPoint will not activate.'],
  ])('one person and a day: %s is B', (_why, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it('a department cut off before a deadline is still A', () => {
    expect(severityOf('明天要交報告，但全部門的人都無法開啟 SharePoint。')).toBe('A');
  });
});
