import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

// Round 7 (y) of issue 15 item 2: vocabulary from what Microsoft's own documentation calls
// things, for the identity, tenant, SharePoint, billing, pre-sales, boundary and developer areas,
// where the rules did not read those words yet. Every message is written by us; each one was
// placed in another area, sent to unknown, or placed only by the statistical layer before the
// vocabulary was added.
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

/** The category, and an explanation that quotes the message's own words (a rule read it). */
function expectReadAs(text: string, category: string, quoted: string): void {
  const result = engine.triage(text);
  expect(result.category).toBe(category);
  expect(result.reasons[0]).toContain(`'${quoted}'`);
}

describe('billing words from the commerce docs on billing and payments', () => {
  it('reads a declined or past-due payment as the bill, not as an expired subscription', () => {
    expect(engine.triage('Our payment is past due because the card expired; who do we talk to?').category).toBe('billing.invoice');
    expect(engine.triage('The dunning emails keep coming although we paid').category).toBe('billing.invoice');
  });

  it('reads a payment card added to a trial as converting it to paid', () => {
    expect(engine.triage('I entered our company credit card on the Business Basic trial yesterday, what happens on day 30?').category).toBe('billing.conversion');
  });

  it('reads a change to a different plan as a purchase', () => {
    expect(engine.triage('We want to switch to a different plan with desktop apps for the whole office').category).toBe('billing.purchase');
  });

  it('reads more licenses assigned than bought as a license count question', () => {
    expect(engine.triage('More assigned licenses than purchased, is that even possible?').category).toBe('billing.licenses');
  });
});

describe('pre-sales words from the plan comparison and service description pages', () => {
  it('reads the cheapest plan or the bundle that gives a set of services as a plan question', () => {
    expect(engine.triage('What is the cheapest plan with a 50 GB mailbox and Teams?').category).toBe('presales.inquiry');
    expect(engine.triage('Which bundle gives us Power BI Pro and Visio together?').category).toBe('presales.inquiry');
  });
});

describe('identity words from the Entra docs', () => {
  it('reads device registration and the company login server as single sign-on', () => {
    expect(engine.triage('After a Windows update dsregcmd shows AzureAdPrt as NO on every laptop').category).toBe('identity.sso');
    expect(engine.triage('Users land on the company login server and it answers with an HTTP 500').category).toBe('identity.sso');
  });

  it('reads built-in role names and an account sign-in code without its prefix as user administration', () => {
    expect(engine.triage('How do I make our auditor a Global Reader without giving her write access?').category).toBe('identity.users');
    expect(engine.triage('She gets error code 50053 when logging in').category).toBe('identity.users');
  });

  it('reads an account disabled on premises that still works in the cloud as directory sync', () => {
    expect(engine.triage('A contractor we disabled in the on-premises directory last week still reads his mail on his phone').category).toBe('identity.dirsync');
  });
});

describe('tenant words from the admin docs on licenses and domains', () => {
  it('reads a group-based licensing error code as provisioning', () => {
    expect(engine.triage('Three members of the licensing group show CountViolation').category).toBe('tenant.provisioning');
  });

  it('reads the domain health flag as domain setup', () => {
    expectReadAs('Possible service issues shows next to our main domain in the admin center', 'tenant.domains', 'Possible service issues');
  });
});

describe('SharePoint words from the SharePoint Online docs', () => {
  it('reads restricted access control and site access reviews as site permissions', () => {
    expectReadAs('Restricted access control on the finance site keeps out people who are in the Finance group', 'sharepoint.permissions', 'Restricted access control');
    expectReadAs('A site access review request came in and I do not know what to approve', 'sharepoint.permissions', 'site access review');
  });

  it('reads lock status and sync health as sites and sync', () => {
    expect(engine.triage('Lock status on the archive site is set to no access and we can not change it back').category).toBe('sharepoint.sites');
    expect(engine.triage('Sync health in the admin center shows 40 devices with errors').category).toBe('sharepoint.sites');
  });
});

describe('boundary and developer words', () => {
  it('reads a provider that manages the subscription as the partner that sells it', () => {
    expect(engine.triage('Our provider manages the subscription and won\'t let us buy more licenses directly').category).toBe('boundary.third-party');
  });

  it('reads OAuth error codes and Adaptive Cards of an own app as developer support', () => {
    expect(engine.triage('Our nightly export job gets invalid_client since the secret was rotated').category).toBe('redirect.developer');
    expect(engine.triage('The Adaptive Card our approval bot posts shows up empty in the channel').category).toBe('redirect.developer');
  });

  it('reads ExpressRoute and the network connectivity test as the customer network, not Outlook', () => {
    expect(engine.triage('Our ExpressRoute circuit to Microsoft 365 flaps every evening and Outlook disconnects').category).toBe('boundary.network');
    expect(engine.triage('The network connectivity test from our Madrid branch rates Outlook as poor every afternoon').category).toBe('boundary.network');
  });
});

describe('words whose stems collide with ordinary words', () => {
  it('reads an object made in the on-premises AD as directory sync, without reading every "added" as AD', () => {
    expect(engine.triage('The new hire was created in AD yesterday but has no account online').category).toBe('identity.dirsync');
    expect(engine.triage('We added a new access point in the lobby and since then Teams calls drop there').category).toBe('boundary.network');
  });

  it('reads AP next to a purchase order as accounts payable, not as an access point', () => {
    expect(engine.triage('Our PO needs to be referenced or AP won\'t pay').category).toBe('billing.invoice');
    expect(engine.triage('We need a W-9 form from Microsoft for our vendor file').category).toBe('billing.invoice');
  });
});

describe('offers, identity providers and admin roles the docs name', () => {
  it('reads an offer for a church or a school as a plan question', () => {
    expect(engine.triage('Is there a version of Microsoft 365 for a church with volunteers?').category).toBe('presales.inquiry');
  });

  it('reads a SAML identity provider by name as single sign-on', () => {
    expect(engine.triage('Staff are thrown back to our Shibboleth page after they enter the password').category).toBe('identity.sso');
  });

  it('reads adding a named admin role as user administration', () => {
    expect(engine.triage('We want to add a second global admin but the admin center says we reached the maximum').category).toBe('identity.users');
  });

  it('reads a domain held by an old tenant as domain setup, and users added to the plan as licenses', () => {
    expect(engine.triage('The domain was used in an old tenant that nobody has access to anymore, how do we get it back?').category).toBe('tenant.domains');
    expectReadAs('How do I add 5 more users to our plan?', 'billing.licenses', '5 more users to our plan');
  });
});

describe('Graph reference vocabulary', () => {
  it('reads permission scope names and Graph error codes as the admin own app, over the symptom', () => {
    expect(engine.triage('The permissions table lists Mail.Read but the call only works with Mail.ReadWrite').category).toBe('redirect.developer');
    expect(engine.triage('Our daemon app gets an Authorization_RequestDenied error updating users').category).toBe('redirect.developer');
  });

  it('reads OData paging as developer support', () => {
    expect(engine.triage('How do I paginate with @odata.nextLink in Python?').category).toBe('redirect.developer');
  });
});

describe('a trial at its end, and two plans weighed against each other (taxonomy tie-break 8)', () => {
  it('reads a trial that has ended or is ending, with the ask to buy or continue paid, as conversion', () => {
    expect(engine.triage('Our trial expired yesterday, how do we buy it now without losing data?').category).toBe('billing.conversion');
    const result = engine.triage('We\'re at the end of our trial and want to continue with a paid plan');
    expect(result.category).toBe('billing.conversion');
    expect(result.reasons[0]).not.toMatch(/^No rule matched/);
  });

  it('keeps a trial the admin will not pay for yet as renewal', () => {
    expect(engine.triage('The trial expires tomorrow, we do not want to pay yet, can it be extended?').category).toBe('billing.renewal');
  });

  it('reads a choice between two plans, or which costs less, as a pre-sales question, not a purchase', () => {
    expect(engine.triage('Should we buy E3 or E5 for a 200 seat company with compliance needs?').category).toBe('presales.inquiry');
    expect(engine.triage('Is it cheaper to buy E3 plus add-ons or E5?').category).toBe('presales.inquiry');
  });
});

describe('Entra governance and the organization settings', () => {
  it('reads named locations and administrative units as user administration', () => {
    expect(engine.triage('The named locations we set up in Entra don\'t apply to our office IP').category).toBe('identity.users');
    expect(engine.triage('Administrative units don\'t limit what the helpdesk can see').category).toBe('identity.users');
  });

  it('reads the organization profile settings as the tenant set-up', () => {
    expect(engine.triage('Where do we change the organization\'s technical contact?').category).toBe('tenant.provisioning');
    expect(engine.triage('We want to change the data residency of our tenant to the EU').category).toBe('tenant.provisioning');
  });
});
