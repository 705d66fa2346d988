/** The Slack channel's small parts: config from env, the call limiter, dedup, identity, the manifest. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load as parse } from 'js-yaml';
import { slackConfigFromEnv } from '../../src/channels/slack/config.js';
import { memoryClaimOnce } from '../../src/channels/slack/dedup.js';
import { createIdentityResolver, tenantOf } from '../../src/channels/slack/identity.js';
import { createCallLimiter, SlackQueueFullError } from '../../src/channels/slack/limiter.js';
import { SCOPE_USAGE } from '../../src/channels/slack/scopes.js';
import { SLACK_EVENT_TYPES } from '../../src/channels/slack/mount.js';
import { memoryPendingState } from '../../src/channels/slack/pending.js';
import { decodeModalMetadata, encodeModalMetadata } from '../../src/channels/slack/where.js';
import { captureLogger } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('slackConfigFromEnv', () => {
  it('is enabled only with both secrets, and says why not in one line', () => {
    expect(slackConfigFromEnv({})).toEqual({ config: undefined, reason: 'Slack disabled: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set' });
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1' }).reason).toMatch(/SLACK_SIGNING_SECRET is not set/);
    expect(slackConfigFromEnv({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: ' ' }).reason).toMatch(/SLACK_BOT_TOKEN is not set/);
    expect(slackConfigFromEnv({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({ config: { signingSecret: 's', botToken: 'xoxb-1' } });
    expect(slackConfigFromEnv({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:9/api/' }).config?.apiUrl).toBe('http://127.0.0.1:9/api/');
    expect(slackConfigFromEnv({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'slack.com' }).reason).toMatch(/SLACK_API_URL/);
    for (const r of [slackConfigFromEnv({}), slackConfigFromEnv({ SLACK_BOT_TOKEN: 'x' })]) expect(r.reason).not.toContain('\n');
  });
});

describe('the call limiter', () => {
  it('runs at most maxConcurrent, queues up to maxQueued, refuses the rest with a log line', async () => {
    const { logger, logs } = captureLogger();
    const limiter = createCallLimiter({ maxConcurrent: 2, maxQueued: 3, logger });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let peak = 0;
    let running = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await gate;
      running -= 1;
      return 'ok';
    };
    const accepted = Array.from({ length: 5 }, () => limiter.run('chat.postMessage', task));
    const refused = limiter.run('chat.postMessage', task);
    await expect(refused).rejects.toBeInstanceOf(SlackQueueFullError);
    expect(limiter.stats()).toEqual({ running: 2, queued: 3, refused: 1 });
    expect(logs.join('')).toContain('Slack call queue full');
    release();
    expect(await Promise.all(accepted)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(peak).toBe(2);
    expect(limiter.stats()).toEqual({ running: 0, queued: 0, refused: 1 });
  });
});

describe('dedup and caches', () => {
  it('claims a key once within its TTL', async () => {
    // lru-cache reads a start time of 0 as "never expires": the clock starts later.
    let now = 5_000;
    const claim = memoryClaimOnce({ now: () => now });
    expect(await claim('e1', 1000)).toBe(true);
    expect(await claim('e1', 1000)).toBe(false);
    now = 6_001;
    expect(await claim('e1', 1000)).toBe(true);
  });

  it('claims at most maxKeys, the oldest forgotten first', async () => {
    const claim = memoryClaimOnce({ maxKeys: 2 });
    for (const key of ['a', 'b', 'c']) expect(await claim(key, 60_000)).toBe(true);
    expect(await claim('c', 60_000)).toBe(false);
    expect(await claim('a', 60_000)).toBe(true);
  });

  it('keeps pending state per kind, at most max entries (oldest out), for its TTL', async () => {
    let now = 5_000;
    const pending = memoryPendingState({ max: { share: 2 }, now: () => now });
    await pending.put('share', 'T1', 'a', { text: 'A' }, 100);
    await pending.put('share', 'T1', 'b', { text: 'B' }, 100);
    await pending.put('share', 'T1', 'c', { text: 'C' }, 100);
    expect(await pending.get('share', 'T1', 'a')).toBeUndefined();
    expect(await pending.get('share', 'T1', 'c')).toEqual({ text: 'C' });
    expect(await pending.get('form', 'T1', 'c')).toBeUndefined();
    now = 5_200;
    expect(await pending.get('share', 'T1', 'c')).toBeUndefined();
  });

  it('gives a taken entry to exactly one of several concurrent callers', async () => {
    const pending = memoryPendingState();
    await pending.put('form', 'T1', 'f-1', { form: 'x' }, 60_000);
    const taken = await Promise.all(Array.from({ length: 5 }, () => pending.take('form', 'T1', 'f-1')));
    expect(taken.filter((t) => t !== undefined)).toEqual([{ form: 'x' }]);
    expect(await pending.get('form', 'T1', 'f-1')).toBeUndefined();
  });

  it('keeps each tenant\'s pending entries apart and confirms a submission once', async () => {
    const pending = memoryPendingState();
    await pending.put('form', 'T1', 'f-1', { form: 'x' }, 60_000);
    expect(await pending.get('form', 'T2', 'f-1')).toBeUndefined();
    const claims = await Promise.all(Array.from({ length: 3 }, () => pending.claim('confirmed', 'T1', 'f-1', 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await pending.claim('confirmed', 'T2', 'f-1', 60_000)).toBe(true);
  });

  it('round-trips the modal metadata and rejects garbage', () => {
    const meta = { formId: 'f-1', where: { kind: 'thread', channel: 'C1', threadTs: '1.2' } } as const;
    expect(decodeModalMetadata(encodeModalMetadata(meta))).toEqual(meta);
    expect(decodeModalMetadata('not json')).toBeUndefined();
    expect(decodeModalMetadata('{"f":"x","w":{"kind":"mars"}}')).toBeUndefined();
  });
});

describe('identity', () => {
  it('uses the enterprise id on Enterprise Grid, else the team id', () => {
    expect(tenantOf({ enterpriseId: 'E1', teamId: 'T1' })).toBe('E1');
    expect(tenantOf({ enterpriseId: null, teamId: 'T1' })).toBe('T1');
  });

  it('maps users.info (admin, owner, tz, real_name, email) and caches it for a few minutes', async () => {
    let calls = 0;
    let now = 5_000;
    const api = {
      call: async (_m: string, args: Record<string, unknown>) => {
        calls += 1;
        if (args.user === 'UGONE') return undefined;
        return { ok: true, user: { real_name: 'Megan', tz: 'Asia/Taipei', is_owner: args.user === 'UOWNER', profile: { email: 'm@contoso.com' } } };
      },
      respond: async () => true,
    };
    const who = createIdentityResolver({ api, cacheMs: 60_000, now: () => now, adminUsers: ['ulisted'] });
    expect(await who.user('UOWNER')).toEqual({ id: 'UOWNER', name: 'Megan', email: 'm@contoso.com', timeZone: 'Asia/Taipei', channelAdmin: true });
    expect((await who.user('UPLAIN')).channelAdmin).toBe(false);
    expect((await who.user('ULISTED')).channelAdmin).toBe(true);
    await who.user('UOWNER');
    expect(calls).toBe(3);
    now = 66_000;
    await who.user('UOWNER');
    expect(calls).toBe(4);
    expect(await who.user('UGONE')).toEqual({ id: 'UGONE', name: 'UGONE', channelAdmin: false });
  });
});

describe('manifest/slack/manifest.yaml', () => {
  const manifest = parse(readFileSync(join(ROOT, 'manifest/slack/manifest.yaml'), 'utf8')) as {
    features: { app_home: Record<string, boolean>; slash_commands: { command: string; url: string }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
  };
  // The Slack channel and the support desk's Slack side are the code that calls Slack.
  const source = ['src/channels/slack', 'src/support-desk']
    .flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('scopes.ts'))
        .map((f) => readFileSync(join(ROOT, dir, f), 'utf8')),
    )
    .join('\n');

  it('parses and points events, interactivity and /support at /slack/events', () => {
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://YOUR-BOT-HOST/slack/events');
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-BOT-HOST/slack/events' });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/support', url: 'https://YOUR-BOT-HOST/slack/events' })]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
  });

  it('asks only for scopes that a method, event or command of the code needs', () => {
    for (const scope of manifest.oauth_config.scopes.bot) {
      const usage = SCOPE_USAGE[scope];
      expect(usage, `scope ${scope} has no recorded use`).toBeDefined();
      for (const method of usage?.methods ?? []) expect(source, `${scope}: ${method} is never called`).toContain(`'${method}'`);
      for (const event of usage?.events ?? []) {
        expect(manifest.settings.event_subscriptions.bot_events).toContain(event);
        const name = event === 'message.im' ? 'message' : event;
        expect(SLACK_EVENT_TYPES, `${scope}: no listener for ${event}`).toContain(name);
      }
      for (const command of usage?.commands ?? []) expect(source).toContain(`'${command}'`);
    }
    // And every method the code calls that needs a scope has it.
    for (const [scope, usage] of Object.entries(SCOPE_USAGE)) {
      for (const method of usage.methods ?? []) if (source.includes(`'${method}'`)) expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
  });
});
