/**
 * The closed-loop Slack load generator AND the fake Slack Web API the Slack servers under test
 * call (their apiUrl points here), in one process of its own, forked by orchestrate.ts:
 *   node --import tsx bench/e2e/slack-loop.ts      (IPC: sends { ready, url }; answers { id, run })
 *
 * Why not autocannon for Slack: Bolt's ExpressReceiver acks an event with HTTP 200 *before* the
 * listener runs; the turn's answer leaves later, as a chat.postMessage call to the Web API.
 * autocannon can only time the HTTP answer and sends the next request as soon as it has one, so
 * it measured acks: the bare Bolt echo queued replies without bound (far fewer replies than acks
 * reached Slack) while the real bot, which sheds load past 128 events in progress, answered 503.
 * autocannon cannot wait for a side-channel reply, so here each virtual user waits for it.
 *
 * N virtual users, each in a loop: take the next user of a fixed pool (one not in a turn), send a
 * signed `message` event in the user's DM (channel `D<user>`, unique event_id) over a keep-alive
 * connection, wait for a 2xx answer AND for the chat.postMessage to that DM channel, then go on.
 * Latency = event sent → reply received here. A non-2xx answer, a network error, or no reply
 * within 30 s is an error; after a 503 the user waits Retry-After (at most until the run ends),
 * as Slack would not resend at once. Every chat.postMessage is counted: the first one for a DM
 * with a turn in progress completes the turn, any other is an "extra" reply (repliesPerTurn
 * shows whether the bot posts exactly one message per complaint).
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadPoint } from './orchestrate.js';
import { SIGNING_SECRET } from './shared.js';
import { callArgsOf, slackAnswer, slackMessageEvent, slackSignatureHeaders } from './slack-fixtures.js';

export const TURN_TIMEOUT_MS = 30_000;

export interface LoopOptions {
  /** Base URL of the server under test (POST /slack/events). */
  readonly target: string;
  /** Letters naming the user pool (one pool per server under test), e.g. 'BOT'. */
  readonly pool: string;
  readonly users: number;
  readonly connections: number;
  /** Measure for this long; or: */
  readonly durationS?: number;
  /** …issue exactly this many turns (the warm-up: one turn per user of the pool). */
  readonly turns?: number;
}

/** A load point (see orchestrate.ts) with the closed loop's own counts always present. */
export interface LoopResult extends LoadPoint {
  readonly repliesPerTurn: number;
  readonly extraReplies: number;
  readonly usersInfo: number;
  /** Including the drain (turns in progress when the window closed). */
  readonly elapsedS: number;
}

interface Pending {
  resolve: (at: number) => void;
}

/** DM channel → the turn waiting for its reply. */
const pending = new Map<string, Pending>();
const calls: Record<string, number> = {};
let extraReplies = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = req.url ?? '';
    if (!url.startsWith('/api/')) {
      res.writeHead(404).end('{}');
      return;
    }
    const method = url.slice('/api/'.length).split('?')[0] ?? '';
    const args = callArgsOf(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    calls[method] = (calls[method] ?? 0) + 1;
    if (method === 'chat.postMessage') {
      const at = performance.now();
      const channel = args.get('channel') ?? '';
      const waiting = pending.get(channel);
      if (waiting) {
        pending.delete(channel);
        waiting.resolve(at);
      } else {
        extraReplies += 1;
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(slackAnswer(method, args)));
  });
});
server.keepAliveTimeout = 30_000;

/** Per pool: where the round robin over its users stands, and who is in a turn. */
const pools = new Map<string, { next: number; busy: Set<number> }>();
const runId = Date.now().toString(36).toUpperCase();
let sequence = 0;

function takeUser(pool: { next: number; busy: Set<number> }, size: number): number {
  for (let tries = 0; tries < size; tries++) {
    const index = pool.next;
    pool.next = (pool.next + 1) % size;
    if (!pool.busy.has(index)) {
      pool.busy.add(index);
      return index;
    }
  }
  throw new Error('every user of the pool is in a turn: the pool must be larger than the connections');
}

function post(agent: Agent, target: URL, body: string): Promise<{ status: number; retryAfterS: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: '/slack/events',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...slackSignatureHeaders(SIGNING_SECRET, body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfterS: Number(res.headers['retry-after'] ?? 0) || 0 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

async function run(options: LoopOptions): Promise<LoopResult> {
  const target = new URL(options.target);
  let pool = pools.get(options.pool);
  if (!pool) pools.set(options.pool, (pool = { next: 0, busy: new Set() }));
  const usersPool = pool;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let inWindow = 0;
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  let toIssue = options.turns ?? Number.POSITIVE_INFINITY;
  const repliesBefore = calls['chat.postMessage'] ?? 0;
  const usersInfoBefore = calls['users.info'] ?? 0;
  const extraBefore = extraReplies;
  const started = performance.now();
  const end = options.durationS !== undefined ? started + options.durationS * 1000 : Number.POSITIVE_INFINITY;

  const turn = async (): Promise<void> => {
    const index = takeUser(usersPool, options.users);
    const user = `U${options.pool}${String(index).padStart(5, '0')}`;
    const channel = `D${user}`;
    sequence += 1;
    const body = slackMessageEvent(user, `Ev${runId}${options.pool}${sequence}`, sequence);
    let timer: NodeJS.Timeout | undefined;
    const replied = new Promise<number | undefined>((resolve) => {
      pending.set(channel, { resolve });
      timer = setTimeout(() => resolve(undefined), TURN_TIMEOUT_MS);
    });
    const t0 = performance.now();
    try {
      const answer = await post(agent, target, body);
      if (answer.status < 200 || answer.status >= 300) {
        non2xx += 1;
        if (answer.retryAfterS > 0) await sleep(Math.max(0, Math.min(answer.retryAfterS * 1000, end - performance.now())));
        return;
      }
      const at = await replied;
      if (at === undefined) {
        timeouts += 1;
        return;
      }
      latencies.push(at - t0);
      if (at <= end) inWindow += 1;
    } catch {
      errors += 1;
    } finally {
      clearTimeout(timer);
      pending.delete(channel);
      usersPool.busy.delete(index);
    }
  };

  const virtualUser = async (): Promise<void> => {
    while (toIssue > 0 && performance.now() < end) {
      toIssue -= 1;
      await turn();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, virtualUser));
  agent.destroy();

  const finished = performance.now();
  const elapsedS = options.durationS ?? (finished - started) / 1000;
  const completed = options.durationS !== undefined ? inWindow : latencies.length;
  latencies.sort((a, b) => a - b);
  const replies = (calls['chat.postMessage'] ?? 0) - repliesBefore;
  return {
    requestsPerSecond: round1(completed / elapsedS),
    total: completed,
    measuredS: round1(elapsedS),
    p50Ms: round1(percentile(latencies, 50)),
    p99Ms: round1(percentile(latencies, 99)),
    maxMs: round1(latencies[latencies.length - 1] ?? 0),
    errors,
    timeouts,
    non2xx,
    repliesPerTurn: latencies.length > 0 ? Math.round((replies / latencies.length) * 1000) / 1000 : 0,
    extraReplies: extraReplies - extraBefore,
    usersInfo: (calls['users.info'] ?? 0) - usersInfoBefore,
    elapsedS: round1((finished - started) / 1000),
  };
}

process.on('message', (message: { id: number; run: LoopOptions }) => {
  void run(message.run).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: true, url: `http://127.0.0.1:${port}` });
});
