/**
 * Round 6 of issue 15: general readers and vocabulary classes that place whole kinds of real
 * messages (cmdlet families, error families, repeated background words, generic words that must
 * not place a message). Every message here is written for the test; none comes from a set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

const categoryOf = (message: string) => engine.triage(message).category;

describe('a cmdlet names its feature, and so its category', () => {
  it.each([
    ['Set-TransportRule changes are ignored for one sender', 'exchange.mailflow'],
    ['Set-CalendarProcessing on the boardroom does not seem to take effect', 'exchange.usage'],
    ["Set-MailboxFolderPermission gives the assistant nothing on the boss's folder", 'exchange.usage'],
    ['Add-DistributionGroupMember says the user is not found although I can see her', 'exchange.recipients'],
    ['Remove-SPODeletedSite removed the wrong one, can it be recovered', 'sharepoint.sites'],
    ['Set-ADSyncScheduler fails with access denied on the new server', 'identity.dirsync'],
    ['Convert-MsolDomainToFederated fails with an unknown error', 'identity.sso'],
    ['Grant-CsTeamsMeetingPolicy has no effect on the user, she still cannot record', 'skype.communication'],
  ])('%s → %s', (message, category) => {
    expect(categoryOf(message)).toBe(category);
  });
});

describe('error families that say who wrote the code', () => {
  it("reads PowerShell's .NET method exception as the admin's own script", () => {
    const message = 'our mailbox report now stops with Exception calling "Invoke" with "0" argument(s): "The operation has timed out"';
    expect(categoryOf(message)).toBe('boundary.scripts');
  });

  it('reads a Microsoft Graph REST path as developer work, also when it follows a space', () => {
    expect(categoryOf('a GET to /v1.0/users/{id}/mailFolders returns 403 for one mailbox only')).toBe('redirect.developer');
  });
});

describe('a word repeated in the background is not new evidence', () => {
  it('lets the feature named once outweigh a migration mentioned three times', () => {
    const message =
      'the migration was done months ago; we migrated, re-migrated and migrated again back then. Now Send As on the shared mailbox fails with an error.';
    expect(categoryOf(message)).toBe('exchange.recipients');
  });
});

describe('an everyday word never places a message by itself', () => {
  it.each([
    ['we compared the two copies: the one for the CEO is still queued', 'exchange.mailflow'],
    ['or is there a way to see who deleted the files in the library?', 'sharepoint.permissions'],
  ])('%s → %s', (message, category) => {
    expect(categoryOf(message)).toBe(category);
    expect(categoryOf(message)).not.toBe('presales.inquiry');
  });
});

describe('vocabulary classes', () => {
  it.each([
    ['Excel has missing components after the update and probably needs to be reinstalled', 'office.install'],
    ['please give Maria access to the payroll email box, she covers for Tom next month', 'exchange.recipients'],
    ["please give the assistant access to the director's inbox", 'exchange.recipients'],
    ['her mailbox is almost full, can she archive old emails somewhere?', 'exchange.usage'],
    ['do I have to assign a license to the user before the cloud mailbox appears?', 'tenant.provisioning'],
    ["how do we delete our old tenant once everyone has moved to the parent company's tenant?", 'billing.cancellation'],
    ['people outside the company we share folders with are asked for a verification code every single time', 'sharepoint.external'],
    ['our journal rule stopped delivering copies to the archive address', 'exchange.mailflow'],
    ['can I recall a message that went to the wrong person an hour ago?', 'exchange.usage'],
    ['we need a purchase order number printed on the next bill', 'billing.invoice'],
  ])('%s → %s', (message, category) => {
    expect(categoryOf(message)).toBe(category);
  });
});

describe('outside products, and outside sources that are no cause', () => {
  it('reads an unofficial client as a third-party product', () => {
    expect(categoryOf('the unofficial Teams for Linux app cannot join meetings, the browser works')).toBe('boundary.third-party');
  });

  it("reads an Office 365 bought from a reseller as the partner's to support (tie-break 8)", () => {
    const message = 'our Office 365 came from a hosting company that is a reseller of Microsoft 365, and they also hold our DNS';
    expect(categoryOf(message)).toBe('boundary.third-party');
  });

  it('does not read third-party web sites quoted as a source as an outside cause', () => {
    const message = 'third-party sites say the auto-expanding archive grows in steps of 50 GB; how fast does it really grow?';
    expect(categoryOf(message)).toBe('exchange.usage');
  });
});

describe('close calls are asked, not answered confidently', () => {
  it('asks between the Outlook client and the account when Outlook keeps asking for a password', () => {
    const result = engine.triage('Outlook keeps prompting for the password although the same password works in the browser');
    expect(result.clarify).toEqual(expect.arrayContaining(['exchange.usage', 'identity.users']));
    expect(result.confidence).toBeLessThan(0.9);
  });
});

describe('a platform the admin builds on decides over the symptom it names', () => {
  it('sends a sharing failure inside a SharePoint Embedded app to developer support', () => {
    const message = 'guests cannot open files in our SharePoint Embedded container, external sharing is on for the tenant';
    expect(categoryOf(message)).toBe('redirect.developer');
  });

  it('sends an invitation made through a Graph REST path to developer support', () => {
    expect(categoryOf('inviting external users through /v1.0/drives/{id}/items/{id}/invite fails with 500')).toBe('redirect.developer');
  });

  it('leaves the symptom in charge when the platform is ruled out', () => {
    expect(categoryOf('guests cannot open the shared files on our team site; no SharePoint Embedded or SPFx is involved')).toBe(
      'sharepoint.external',
    );
  });
});
