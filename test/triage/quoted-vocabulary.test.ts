import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * Error codes, cmdlets and their parameters name the area that failed, whatever words surround
 * them. Each message is ours; the codes are Microsoft's (Entra sign-in codes, NDR status codes,
 * Office licensing codes, Teams sign-in codes, SharePoint sharing settings).
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});
const categoryOf = (text: string) => engine.triage(text).category;

describe('Entra sign-in codes go to the account, the guest or the federation they are about', () => {
  it.each([
    ['a wrong password', 'user gets AADSTS50126 when signing in', 'identity.users'],
    ['a locked account', 'AADSTS50053 for our receptionist since this morning', 'identity.users'],
    ['a device that is not compliant', 'the sales laptop shows AADSTS53000 at every sign in', 'identity.users'],
    ['a guest from another tenant', 'the guest gets AADSTS90072 when opening the shared link', 'sharepoint.external'],
    ['an account missing from the tenant it tries', 'our partner sees AADSTS50020 on the document we shared with him', 'sharepoint.external'],
    ['a federation realm', 'AADSTS50107 for everyone on the federated domain', 'identity.sso'],
    ['a code not listed anywhere stays a sign-in failure', 'sign in to the portal fails with AADSTS40015 for the whole office', 'identity.sso'],
  ])('%s', (_case, text, category) => {
    expect(categoryOf(text)).toBe(category);
  });
});

describe("NDRs raised by one recipient's own restrictions are recipient configuration (tie-break 6)", () => {
  it.each([
    ['a group that takes only internal senders', 'senders outside get 550 5.7.133 when mailing our sales group', 'exchange.recipients'],
    ['the resolver name of the same bounce', 'partners get SenderNotAuthenticatedForGroup back from the board list', 'exchange.recipients'],
    ['Send As denied on a shared address', 'the reply from the shared address bounces with SendAsDenied for one assistant', 'exchange.recipients'],
    ['a bounce the service raised stays mail flow', 'outbound mail rejected 550 5.7.708 since yesterday', 'exchange.mailflow'],
    ['so does a bounce without a code family of its own', 'mail to one partner bounces with 550 5.7.1 since noon', 'exchange.mailflow'],
  ])('%s', (_case, text, category) => {
    expect(categoryOf(text)).toBe(category);
  });
});

describe('client error codes and cmdlet parameters', () => {
  it.each([
    ['an Office licensing code', 'Word says 0x8004FC12 on two desktops after the reimage', 'office.install'],
    ['a Teams sign-in broker code', 'Teams desktop shows error CAA20003 at sign in for one user', 'skype.setup'],
    ['a sharing setting set from PowerShell', 'Set-SPOTenant -SharingCapability ExternalUserAndGuestSharing fails with access denied', 'sharepoint.external'],
    ['a forwarding parameter of one mailbox', 'Get-Mailbox shows ForwardingSmtpAddress empty but mail still goes out to his gmail', 'exchange.recipients'],
    ['a OneDrive sync client code', 'the sync app gives 0x8004def0 for two laptops', 'sharepoint.sites'],
    ['a Teams admin center policy of client versions', 'Teams update policy did not roll the new client to the pilot group', 'skype.setup'],
  ])('%s', (_case, text, category) => {
    expect(categoryOf(text)).toBe(category);
  });
});

describe('a pasted error name alone places the message and reports a failure', () => {
  it.each([
    ['a Mailbox Replication exception', 'the move for the CFO ended with SourceMailboxAlreadyBeingMovedTransientException', 'exchange.migration'],
    ['a stalled move state', 'the move request of the CFO shows StalledDueToSource_MailboxLock', 'exchange.migration'],
    ['a sync export error', 'DataValidationFailed on the export for a contact, no idea why', 'identity.dirsync'],
    ['another sync export error', 'ObjectTypeMismatch for a group that exists in the cloud too', 'identity.dirsync'],
  ])('%s', (_case, text, category) => {
    const result = engine.triage(text);
    expect({ category: result.category, severity: result.severity }).toEqual({ category, severity: 'B' });
  });
});
