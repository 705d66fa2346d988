/** The one configuration: each part's schema on its own, and all of them composed, every problem reported at once. */
import { describe, expect, it } from 'vitest';
import { AppConfigError, loadAppConfig } from '../../src/app/config.js';
import { slackConfigSchema } from '../../src/channels/slack/config.js';
import { processConfigSchema } from '../../src/config.js';
import { coreConfigSchema } from '../../src/conversation/config.js';
import { outboxConfigSchema } from '../../src/handoff/config.js';
import { storeConfigSchema } from '../../src/store/config.js';
import { supportDeskConfigSchema } from '../../src/support-desk/config.js';

/** The variable names a schema's issues point at. */
function badVariables(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[] }[] } }): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((issue) => String(issue.path[0]));
}

describe('each part owns its schema', () => {
  it('process: defaults, and every bad variable named', () => {
    expect(processConfigSchema.parse({})).toMatchObject({ PORT: 3978, DATA_DIR: './data', LOG_LEVEL: 'info' });
    expect(badVariables(processConfigSchema.safeParse({ PORT: '70000', LOG_LEVEL: 'loud', LOCAL_CHAT: 'yes' })).sort()).toEqual(['LOCAL_CHAT', 'LOG_LEVEL', 'PORT']);
  });

  it('core: plan, admins, hours, zone and limits', () => {
    const core = coreConfigSchema.parse({ DEFAULT_PLAN: 'E3', ADMIN_USERS: 'a@x.com, *', DEFAULT_TIME_ZONE: 'Asia/Taipei', RATE_LIMIT_PER_MINUTE: '0' });
    expect(core).toMatchObject({ defaultPlan: 'E3', adminUsers: '*', defaultTimeZone: 'Asia/Taipei', rateLimits: { turnsPerMinute: 0, casesPerHour: 10 }, credentialsConfigured: false });
    expect(coreConfigSchema.parse({ SLACK_BOT_TOKEN: 'xoxb-1' }).credentialsConfigured).toBe(true);
    expect(badVariables(coreConfigSchema.safeParse({ DEFAULT_PLAN: 'vacation', BUSINESS_HOURS: 'sometimes', DEFAULT_TIME_ZONE: 'Mars/Olympus', RATE_LIMIT_CASES_PER_HOUR: '-1' })).sort()).toEqual([
      'BUSINESS_HOURS',
      'DEFAULT_PLAN',
      'DEFAULT_TIME_ZONE',
      'RATE_LIMIT_CASES_PER_HOUR',
    ]);
  });

  it('store: SQLite unless DATABASE_URL, a pool size from 1 to 100', () => {
    expect(storeConfigSchema.parse({})).toEqual({ kind: 'sqlite' });
    expect(storeConfigSchema.parse({ DATABASE_URL: 'postgres://bot:pw@db.internal/cases' })).toMatchObject({ kind: 'postgres', poolSize: 10, where: 'db.internal:5432/cases' });
    expect(badVariables(storeConfigSchema.safeParse({ DATABASE_URL: 'mysql://db/x', DATABASE_POOL_SIZE: '0' })).sort()).toEqual(['DATABASE_POOL_SIZE', 'DATABASE_URL']);
  });

  it('outbox: lease and poll in seconds', () => {
    expect(outboxConfigSchema.parse({ OUTBOX_LEASE_SECONDS: '2' })).toEqual({ leaseMs: 2_000, pollIntervalMs: 5_000 });
    expect(badVariables(outboxConfigSchema.safeParse({ OUTBOX_LEASE_SECONDS: 'soon', OUTBOX_POLL_SECONDS: '0' })).sort()).toEqual(['OUTBOX_LEASE_SECONDS', 'OUTBOX_POLL_SECONDS']);
  });

  it('support desk: channels, engineers lower-cased, the SLA interval', () => {
    expect(supportDeskConfigSchema.parse({ SUPPORT_ENGINEERS: 'Eve@Contoso.com, U0EVE,,', SLA_CHECK_INTERVAL_SECONDS: '15' })).toEqual({ engineers: ['eve@contoso.com', 'u0eve'], slaCheckIntervalMs: 15_000 });
    expect(badVariables(supportDeskConfigSchema.safeParse({ SUPPORT_SLACK_CHANNEL: '#support', SLA_CHECK_INTERVAL_SECONDS: '0' })).sort()).toEqual(['SLA_CHECK_INTERVAL_SECONDS', 'SUPPORT_SLACK_CHANNEL']);
  });

  it('slack: on with both secrets, a reason without, a bad API URL refused', () => {
    expect(slackConfigSchema.parse({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({ config: { signingSecret: 's', botToken: 'xoxb-1' } });
    expect(slackConfigSchema.parse({ SLACK_BOT_TOKEN: 'xoxb-1' }).reason).toMatch(/SLACK_SIGNING_SECRET is not set/);
    expect(badVariables(slackConfigSchema.safeParse({ SLACK_API_URL: 'slack.com' }))).toEqual(['SLACK_API_URL']);
  });
});

describe('loadAppConfig', () => {
  it('gives each part its typed configuration from one environment', () => {
    const config = loadAppConfig({ PORT: '4000', DEFAULT_PLAN: 'E3', SUPPORT_ENGINEERS: 'eve', DATABASE_POOL_SIZE: '4' });
    expect(config.process.PORT).toBe(4000);
    expect(config.core.defaultPlan).toBe('E3');
    expect(config.desk.engineers).toEqual(['eve']);
    expect(config.store).toEqual({ kind: 'sqlite' });
    expect(config.outbox.leaseMs).toBe(60_000);
    expect(config.slack.config).toBeUndefined();
  });

  it('reports every problem of every part at once, each with its variable, never a secret', () => {
    const env = { PORT: 'abc', SLA_CHECK_INTERVAL_SECONDS: '0', DATABASE_POOL_SIZE: 'many', RATE_LIMIT_PER_MINUTE: 'lots', SLACK_API_URL: 'nope', MicrosoftAppPassword: 'hunter2' };
    let error: unknown;
    try {
      loadAppConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppConfigError);
    const { problems, message } = error as AppConfigError;
    expect(problems.map((line) => line.split(' ')[0]).sort()).toEqual(['DATABASE_POOL_SIZE', 'MicrosoftAppId', 'PORT', 'RATE_LIMIT_PER_MINUTE', 'SLACK_API_URL', 'SLA_CHECK_INTERVAL_SECONDS']);
    expect(message).toMatch(/^Invalid configuration \(6 problems\):\n- /);
    expect(message).toContain('PORT must be a whole number from 0 to 65535 (got "abc")');
    expect(message).not.toContain('hunter2');
  });
});
