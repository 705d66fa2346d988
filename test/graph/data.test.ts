/**
 * The data Microsoft Graph's answers are read with: each SKU part number mapped to a plan (and so
 * to the response times it gives), the accepted administrator roles, the services per category,
 * and the configuration's refusals naming the variable.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLANS } from '../../src/domain/plans.js';
import { GraphConfigError, loadGraphConfig } from '../../src/graph/config.js';
import { adminRoleOf, ADMIN_ROLE_TEMPLATES } from '../../src/graph/roles.js';
import { serviceMatches, servicesFor } from '../../src/graph/services.js';
import { planFromSkus, SKU_PLANS } from '../../src/graph/skus.js';
import { selfSignedCertificate } from './fake-graph.js';

const EXPECTED: Readonly<Record<string, [plan: string, family: string]>> = {
  O365_BUSINESS_ESSENTIALS: ['Office 365 Business Essentials', 'business'],
  SMB_BUSINESS_ESSENTIALS: ['Office 365 Business Essentials', 'business'],
  O365_BUSINESS: ['Office 365 Business', 'business'],
  SMB_BUSINESS: ['Office 365 Business', 'business'],
  O365_BUSINESS_PREMIUM: ['Office 365 Business Premium', 'business'],
  SMB_BUSINESS_PREMIUM: ['Office 365 Business Premium', 'business'],
  SPB: ['Microsoft 365 Business Premium', 'business'],
  STANDARDWOFFPACK_FACULTY: ['Office 365 Education', 'business'],
  STANDARDWOFFPACK_STUDENT: ['Office 365 Education', 'business'],
  ENTERPRISEPACKPLUS_FACULTY: ['Office 365 Education', 'business'],
  ENTERPRISEPACKPLUS_STUDENT: ['Office 365 Education', 'business'],
  ENTERPRISEPREMIUM_FACULTY: ['Office 365 Education', 'business'],
  ENTERPRISEPREMIUM_STUDENT: ['Office 365 Education', 'business'],
  STANDARDPACK: ['Office 365 Enterprise E1', 'enterprise'],
  ENTERPRISEPACK: ['Office 365 Enterprise E3', 'enterprise'],
  ENTERPRISEPREMIUM: ['Office 365 Enterprise E5', 'enterprise'],
  SPE_E3: ['Microsoft 365 E3', 'enterprise'],
  SPE_E5: ['Microsoft 365 E5', 'enterprise'],
  M365_F1: ['Microsoft 365 F1', 'firstline'],
  SPE_F1: ['Microsoft 365 F3', 'firstline'],
  EXCHANGESTANDARD: ['Exchange Online (Plan 1)', 'enterprise'],
  EXCHANGEENTERPRISE: ['Exchange Online (Plan 2)', 'enterprise'],
};

const sku = (skuPartNumber: string, enabled = 10) => ({ skuPartNumber, capabilityStatus: 'Enabled', prepaidUnits: { enabled } });

describe('SKU part numbers -> plans', () => {
  it('maps every SKU of the table, and only those', () => {
    expect(Object.keys(SKU_PLANS).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const id of Object.values(SKU_PLANS)) expect(PLANS.some((p) => p.id === id), id).toBe(true);
  });

  for (const [part, [plan, family]] of Object.entries(EXPECTED)) {
    it(`${part} is ${plan} (${family})`, () => {
      const found = planFromSkus([sku(part)]);
      expect(found?.plan.name.en).toBe(plan);
      expect(found?.plan.family).toBe(family);
    });
  }

  it('takes the family with the best response times, and names the others', () => {
    const found = planFromSkus([sku('SPB'), sku('ENTERPRISEPACK'), sku('EXCHANGESTANDARD'), sku('SPE_F1')]);
    expect(found?.plan.name.en).toBe('Office 365 Enterprise E3');
    expect(found?.otherFamilies).toEqual(['firstline', 'business']);
  });

  it('leaves the plan undecided for unknown, suspended or empty subscriptions', () => {
    expect(planFromSkus([sku('POWER_BI_STANDARD')])).toBeUndefined();
    expect(planFromSkus([{ skuPartNumber: 'ENTERPRISEPACK', capabilityStatus: 'Suspended', prepaidUnits: { enabled: 0 } }])).toBeUndefined();
    expect(planFromSkus([sku('ENTERPRISEPACK', 0)])).toBeUndefined();
  });
});

describe('administrator roles', () => {
  it('accepts the listed roles by template id and nothing else', () => {
    expect(adminRoleOf(['729827E3-9C14-49F7-BB1B-9608F156BBB8'])).toBe('Helpdesk Administrator');
    expect(adminRoleOf(['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'])).toBeUndefined(); // Directory Readers
    expect(adminRoleOf(['f2ef992c-3afb-46b9-b7cf-a126ee74c451'])).toBeUndefined(); // Global Reader
    expect(Object.values(ADMIN_ROLE_TEMPLATES)).toContain('Service Support Administrator');
  });
});

describe('services per category', () => {
  it('matches Exchange incidents to mail categories and Teams incidents to Skype/Teams ones', () => {
    expect(servicesFor('exchange.mailflow')).toContain('Exchange Online');
    expect(servicesFor('skype.communication')).toContain('Microsoft Teams');
    expect(servicesFor('billing.purchase')).toEqual([]);
  });
  it('uses the service names Graph answers with, compared without regard to case', () => {
    expect(servicesFor('identity.sso')[0]).toBe('Identity Service');
    expect(servicesFor('office.install')).toEqual(expect.arrayContaining(['Microsoft 365 Apps', 'Office for the web']));
    expect(servicesFor('tenant.domains')).toEqual(['Microsoft 365 suite']);
    expect(serviceMatches('exchange online', servicesFor('exchange.mailflow'))).toBe(true);
    expect(serviceMatches('Microsoft Entra', servicesFor('identity.sso'))).toBe(false);
  });
});

describe('Graph configuration', () => {
  const base = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' };
  it('is off without GRAPH_TENANTS', () => {
    expect(loadGraphConfig(base)).toBeUndefined();
  });
  it('names the variable and the fix', () => {
    const problem = (env: Record<string, string>) => {
      try {
        loadGraphConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(GraphConfigError);
        return (error as GraphConfigError).message;
      }
      return 'no error';
    };
    expect(problem({ ...base, GRAPH_TENANTS: 'contoso' })).toMatch(/^GRAPH_TENANTS: "contoso" is not an Entra tenant id/);
    expect(problem({ ...base, GRAPH_TENANTS: '*', GRAPH_URL: 'http://graph.example' })).toMatch(/^GRAPH_URL: .*must be an https URL/);
    expect(problem({ ...base, GRAPH_TENANTS: '*', GRAPH_SLACK_TENANTS: 'T01' })).toMatch(/^GRAPH_SLACK_TENANTS: "T01" must be SLACK_TEAM_ID=ENTRA_TENANT_ID/);
    expect(problem({ GRAPH_TENANTS: '*' })).toMatch(/^MicrosoftAppId: /);
    expect(problem({ ...base, GRAPH_TENANTS: '*', GRAPH_BUDGET_MS: '5' })).toMatch(/^GRAPH_BUDGET_MS: must be from 100 to 10000 \(milliseconds/);
  });
});

describe('Graph certificate credential (MicrosoftAppCertificatePath)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-cert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { key, cert } = selfSignedCertificate('/CN=support-triage-bot', []);
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const env = (path: string) => ({ MicrosoftAppId: 'app', GRAPH_TENANTS: '*', MicrosoftAppCertificatePath: path });
  const problem = (path: string): string => {
    try {
      loadGraphConfig(env(path));
    } catch (error) {
      expect(error).toBeInstanceOf(GraphConfigError);
      return (error as GraphConfigError).message;
    }
    return 'no error';
  };

  it('reads the key and the certificate from one PEM, with the SHA-256 thumbprint of the certificate', () => {
    const config = loadGraphConfig(env(file('both.pem', `${key}\n${cert}`)))!;
    expect(config.credential.kind).toBe('certificate');
    if (config.credential.kind !== 'certificate') return;
    expect(config.credential.thumbprintSha256).toBe(createHash('sha256').update(new X509Certificate(cert).raw).digest('hex'));
    expect(config.credential.sendX5c).toBe(false);
  });

  it('takes the certificate over the secret when both are set (the secret stays the Bot Framework\'s)', () => {
    const config = loadGraphConfig({ ...env(file('both2.pem', `${cert}\n${key}`)), MicrosoftAppPassword: 'secret', GRAPH_CERTIFICATE_X5C: 'on' })!;
    expect(config.credential.kind).toBe('certificate');
    expect(config.credential.kind === 'certificate' && config.credential.sendX5c).toBe(true);
  });

  it('names the variable and says what is wrong with the file', () => {
    expect(problem(join(dir, 'nowhere.pem'))).toMatch(/^MicrosoftAppCertificatePath: the file ".*nowhere.pem" does not exist/);
    expect(problem(file('cert-only.pem', cert))).toMatch(/^MicrosoftAppCertificatePath: ".*" holds no private key/);
    expect(problem(file('key-only.pem', key))).toMatch(/^MicrosoftAppCertificatePath: ".*" holds no certificate/);
    const other = selfSignedCertificate('/CN=someone-else', []);
    expect(problem(file('mismatch.pem', `${other.key}\n${cert}`))).toMatch(/^MicrosoftAppCertificatePath: the private key .* does not belong to its certificate/);
    expect(problem(file('garbage.pem', 'not a pem'))).toMatch(/holds no private key/);
  });

  it('asks for a secret or a certificate when neither is set', () => {
    expect(() => loadGraphConfig({ MicrosoftAppId: 'app', GRAPH_TENANTS: '*' })).toThrow(/^MicrosoftAppPassword: .*set MicrosoftAppPassword .* or MicrosoftAppCertificatePath/);
  });
});
