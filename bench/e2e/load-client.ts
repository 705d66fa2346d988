/**
 * The load generator, in its own process so it never shares the server's event loop:
 *   node --import tsx bench/e2e/load-client.ts '<json options>'
 * Runs autocannon against one endpoint with a fresh body per request (distinct users, activity
 * and event ids: the bot's dedup and per-user rate limit see realistic traffic) and prints the
 * result as one JSON line.
 */
import { createHmac } from 'node:crypto';
import autocannon from 'autocannon';

interface Options {
  readonly url: string;
  readonly channel: 'teams' | 'slack';
  readonly connections: number;
  readonly durationS: number;
  readonly serviceUrl: string;
  readonly secret: string;
  readonly seed: string;
  readonly users: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;

const COMPLAINTS = [
  'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1',
  'one user cannot sign in after an MFA reset',
  'How do I set a password that never expires?',
  'Teams meetings drop audio for everyone in the Taipei office',
  'SharePoint site is read only for the finance team',
  '整個公司從早上八點開始都收不到外部郵件',
];

let n = 0;
function teamsBody(): string {
  n += 1;
  const user = `${options.seed}-u${n % options.users}`;
  return JSON.stringify({
    type: 'message',
    id: `${options.seed}-${n}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: `29:${user}`, name: `User ${user}`, aadObjectId: `aad-${user}` },
    conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    recipient: { id: '28:bot', name: 'Triage Bot' },
    locale: 'en-US',
    text: COMPLAINTS[n % COMPLAINTS.length],
    textFormat: 'plain',
    channelData: { tenant: { id: 'bench-tenant' } },
  });
}

function slackBody(): string {
  n += 1;
  const user = `U${options.seed}${n % options.users}`.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: `Ev${options.seed}${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel: `D${user}`, channel_type: 'im', user, text: COMPLAINTS[n % COMPLAINTS.length], ts: `${1_700_000_000 + n}.000100`, event_ts: `${1_700_000_000 + n}.000100` },
    authorizations: [{ enterprise_id: null, team_id: 'T0BENCH', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });
}

const path = options.channel === 'teams' ? '/api/messages' : '/slack/events';
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.durationS,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path,
      setupRequest: (request) => {
        const body = options.channel === 'teams' ? teamsBody() : slackBody();
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (options.channel === 'slack') {
          const ts = Math.floor(Date.now() / 1000);
          headers['x-slack-request-timestamp'] = String(ts);
          headers['x-slack-signature'] = `v0=${createHmac('sha256', options.secret).update(`v0:${ts}:${body}`).digest('hex')}`;
        }
        return { ...request, body, headers };
      },
    },
  ],
});

process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  })}\n`,
);
