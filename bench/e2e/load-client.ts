/**
 * The open-loop load generator (autocannon), in its own process so it never shares the server's
 * event loop:
 *   node --import tsx bench/e2e/load-client.ts '<json options>'
 * Runs autocannon against one endpoint with a fresh body per request (distinct users, activity
 * and event ids: the bot's dedup and per-user rate limit see realistic traffic) and prints the
 * result as one JSON line. Used for Teams (botbuilder answers the HTTP request only after the
 * turn's replies reached the connector, so the HTTP latency is the turn latency) and for the slow
 * Slack overload run (503s expected there). Slack throughput is measured by slack-loop.ts.
 */
import autocannon from 'autocannon';
import { COMPLAINTS, slackMessageEvent, slackSignatureHeaders } from './slack-fixtures.js';

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
  return slackMessageEvent(user, `Ev${options.seed}${n}`, n);
}

const path = options.channel === 'teams' ? '/api/messages' : '/slack/events';
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.durationS,
  timeout: 30,
  // Stop within 0.1 s of `duration` (with the default 1 s samples a 3.3 s run lasts 4 s).
  sampleInt: 100,
  requests: [
    {
      method: 'POST',
      path,
      setupRequest: (request) => {
        const body = options.channel === 'teams' ? teamsBody() : slackBody();
        const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.channel === 'slack' ? slackSignatureHeaders(options.secret, body) : {}) };
        return { ...request, body, headers };
      },
    },
  ],
});

process.stdout.write(
  `${JSON.stringify({
    // total / elapsed rather than the mean of whole-second samples: a slice may be 3.3 s long.
    requestsPerSecond: Math.round((result.requests.total / Math.max(result.duration, 0.001)) * 10) / 10,
    total: result.requests.total,
    measuredS: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  })}\n`,
);
