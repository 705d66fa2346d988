/**
 * HTTPS_PROXY / HTTP_PROXY: with a proxy set in the environment, the Slack channel's Web API calls
 * (Bolt's WebClient) and its response_url posts go through it (a CONNECT proxy on loopback here),
 * as they must on networks where only the proxy reaches Slack.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/core.js';
import { openSqliteStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { startSlackHarness, TEAM } from './helpers.js';

/** A tunnelling proxy: answers CONNECT and pipes bytes; records each CONNECT's target. */
async function startConnectProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = [];
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const saved = { HTTP_PROXY: process.env.HTTP_PROXY, HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('Slack behind a proxy', () => {
  it('sends Web API calls and response_url posts through HTTP_PROXY / HTTPS_PROXY', async () => {
    const proxy = await startConnectProxy();
    process.env.HTTP_PROXY = proxy.url;
    process.env.HTTPS_PROXY = proxy.url;
    process.env.NO_PROXY = '';
    const store = await openSqliteStore({ dataDir: ':memory:' });
    const core = createConversationCore({ engine: loadDefaultRules(), store, config: { credentialsConfigured: true, defaultPlan: 'Office 365 Enterprise E3' } });
    const h = await startSlackHarness({ core, store });
    try {
      h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true });
      await h.sendCommand({ team_id: TEAM, channel_id: 'C0IT', user_id: 'UADMIN', user_name: 'megan', command: '/support', text: 'help', response_url: `${h.slack.url}/response/cmd`, trigger_id: 't' });
      await h.slack.waitFor('response_url');
      const fakeSlack = new URL(h.slack.url).host;
      // auth.test, users.info and the response_url post: every connection to Slack was a tunnel.
      expect(proxy.tunnels.length).toBeGreaterThan(0);
      expect(new Set(proxy.tunnels)).toEqual(new Set([fakeSlack]));
      expect(h.slack.of('auth.test')).toHaveLength(1);
    } finally {
      await h.close();
      await store.close();
      await proxy.close();
    }
  });
});
