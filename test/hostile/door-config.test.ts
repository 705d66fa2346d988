/** Which doors each configuration opens: the smallest safe defaults, and errors that name the fix. */
import { describe, expect, it } from 'vitest';
import { botEndpointMode, ConfigError, listenHost, loadConfig, localChatEnabled } from '../../src/config.js';
import { loadCoreConfig } from '../../src/conversation/config.js';

const TEAMS = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' };
const SLACK = { SLACK_SIGNING_SECRET: 'sign', SLACK_BOT_TOKEN: 'xoxb-1' };

describe('doors by configuration', () => {
  it.each([
    ['no credentials', {}, 'emulator', true, '127.0.0.1'],
    ['Slack only', SLACK, 'off', false, '0.0.0.0'],
    ['half a Slack (signing secret alone)', { SLACK_SIGNING_SECRET: 'sign' }, 'off', false, '0.0.0.0'],
    ['Teams only', TEAMS, 'bot-framework', false, '0.0.0.0'],
    ['both', { ...TEAMS, ...SLACK }, 'bot-framework', false, '0.0.0.0'],
    ['Slack with EMULATOR=on and LOCAL_CHAT=on', { ...SLACK, EMULATOR: 'on', LOCAL_CHAT: 'on' }, 'emulator', true, '0.0.0.0'],
    ['no credentials, EMULATOR=off, LOCAL_CHAT=off, HOST=::', { EMULATOR: 'off', LOCAL_CHAT: 'OFF', HOST: '::' }, 'off', false, '::'],
  ] as const)('%s', (_name, env, endpoint, localChat, host) => {
    const config = loadConfig(env);
    expect(botEndpointMode(config)).toBe(endpoint);
    expect(localChatEnabled(config)).toBe(localChat);
    expect(listenHost(config)).toBe(host);
  });

  it('the core treats Slack credentials as credentials (nobody is an admin until ADMIN_USERS says so)', () => {
    expect(loadCoreConfig(SLACK).credentialsConfigured).toBe(true);
    expect(loadCoreConfig(TEAMS).credentialsConfigured).toBe(true);
    expect(loadCoreConfig({ SLACK_BOT_TOKEN: '  ' }).credentialsConfigured).toBe(false);
  });

  it.each([
    [{ EMULATOR: 'yes' }, /^Invalid configuration:\n- EMULATOR must be on or off/],
    [{ ...TEAMS, EMULATOR: 'on' }, /EMULATOR cannot be on while MicrosoftAppId is set.*unset EMULATOR/],
    [{ HOST: 'http://0.0.0.0' }, /HOST must be an address to listen on/],
  ])('%j is refused with the variable and the fix', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
