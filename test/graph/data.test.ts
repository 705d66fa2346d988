/**
 * The data Microsoft Graph's answers are read with: each SKU part number mapped to a plan (and so
 * to the response times it gives), the accepted administrator roles, the services per category,
 * and the configuration's refusals naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { PLANS } from '../../src/domain/plans.js';
import { GraphConfigError, loadGraphConfig } from '../../src/graph/config.js';
import { adminRoleOf, ADMIN_ROLE_TEMPLATES } from '../../src/graph/roles.js';
import { servicesFor } from '../../src/graph/services.js';
import { planFromSkus, SKU_PLANS } from '../../src/graph/skus.js';

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
    expect(problem({ ...base, GRAPH_TENANTS: '*', GRAPH_BUDGET_MS: '5' })).toMatch(/^GRAPH_BUDGET_MS: "5" must be a whole number from 100/);
  });
});
