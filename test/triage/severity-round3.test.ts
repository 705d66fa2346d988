import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * The severity classes probe round 3 found, each checked with wording of its own (not the
 * probe's sentence), and with a neighbour that must keep its old reading.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

const severityOf = (text: string) => engine.triage(text).severity;

describe('help-desk ticket fields', () => {
  it('reads the population after "Impact:" as who is affected, even when the failure is told later', () => {
    expect(severityOf('Requester: front office\nImpact: all staff\nDetails: nobody can open the shared calendar in Outlook since 8am.')).toBe('A');
    expect(severityOf('Affected users: the whole warehouse team\nSummary: Teams calls drop after a minute, restarting does not help.')).toBe('A');
  });

  it('leaves a ticket whose impact field names one user at one user', () => {
    expect(severityOf('Impact: one user\nSummary: her Outlook search returns nothing since the update, no workaround found.')).toBe('B');
  });
});

describe('a page wish beside a reported cut-off', () => {
  it('keeps users cut off after following a page as the report, not as page feedback', () => {
    expect(severityOf('After following the steps in this guide to change our MX record, no email reaches anyone in the company. Please fix the guide.')).toBe('A');
    expect(severityOf('We ran the command from the page for one mailbox and now she cannot sign in to Outlook at all, please update the page.')).toBe('B');
  });

  it('keeps a design limit next to a documentation wish a wish', () => {
    expect(severityOf('Helpdesk admins cannot reset passwords for other admins. Please document which role is allowed to do it.')).toBe('C');
  });

  it('keeps a page that only describes a failure as page feedback', () => {
    expect(severityOf('This article says users cannot sign in while the sync runs, please update it for the new version.')).toBe('C');
  });
});

describe('negation reach and scope words', () => {
  it('does not let "no X" reach across "and" into a new statement', () => {
    expect(severityOf('A new hire has no mailbox yet and her Teams stopped working this morning, she cannot work.')).toBe('B');
  });

  it('reads "the other servers are fine" as where the fault is, not as one user', () => {
    expect(severityOf('Everyone who connects to the second terminal server cannot open Word, the other servers are fine.')).toBe('A');
    expect(severityOf('Anna cannot open Excel, the other users are fine.')).toBe('B');
  });

  it('reads "what should I check?" after a fault as asking for help, not as a how-to', () => {
    expect(severityOf('Outlook on all reception PCs crashes on start since Monday. What should we check first?')).toBe('A');
  });

  it('reads "nothing is failing" as nothing broken', () => {
    expect(severityOf('Our OneDrive storage is at 90% of the quota. Nothing is failing yet, how do we add more?')).toBe('C');
  });
});

describe('a name the service refuses', () => {
  it('reads "already added to another organization" as the failure, and the how-to about it as a how-to', () => {
    expect(severityOf('Verifying our second domain fails: the admin center says it is already in use by another tenant.')).toBe('B');
    expect(severityOf('How do I release a domain that is already added to another organization we own?')).toBe('C');
  });
});

describe('billing: a subscription shown as switched off', () => {
  it('is Sev A when the admin center shows the subscription disabled', () => {
    expect(severityOf('The Microsoft 365 Business Basic subscription shows as disabled in the admin center and nobody can open their mail.')).toBe('A');
  });

  it('is C when the admin only asks what would happen', () => {
    expect(severityOf('What happens to our mailboxes if the subscription is disabled after the renewal date?')).toBe('C');
  });
});

describe('zh-TW', () => {
  it('reads verb + 不 + result as a failure', () => {
    expect(severityOf('整個會計部從今天早上開始都寄不出去信')).toBe('A');
    expect(severityOf('業務部的同事在 Teams 會議裡都看不到共用的畫面')).toBe('A');
  });

  it('reads a "cannot" inside a how-to question as the wished outcome, not a failure', () => {
    expect(severityOf('要怎麼設定讓訪客不能下載 SharePoint 的檔案？')).toBe('C');
    expect(severityOf('為什麼使用者不能下載 SharePoint 的檔案？')).not.toBe('C');
  });
});
