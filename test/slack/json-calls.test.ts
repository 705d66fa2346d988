/**
 * The JSON caller for Slack's write methods, against a real loopback server that answers as Slack
 * does: the wire format, what is retried (rate limits, 5xx, network errors) and what is not
 * (Slack's own `ok: false` answers), and the error codes the logs show.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { slackErrorCode } from '../../src/channels/slack/api.js';
import { createJsonCaller, JSON_METHODS, type JsonCaller } from '../../src/channels/slack/json-calls.js';

interface Received {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

type Answer = (res: ServerResponse) => void;
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => (res) =>
  void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

let server: Server | undefined;
let caller: JsonCaller | undefined;
afterEach(async () => {
  await caller?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  caller = undefined;
});

/** A fake Slack answering the queued answers in order, then `ok: true`. */
async function fakeSlack(answers: Answer[]): Promise<{ apiUrl: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      (answers.shift() ?? json(200, { ok: true, ts: '1.2' }))(res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, received };
}

const fastRetry = { retries: 2, factor: 2, minTimeout: 5, maxTimeout: 20 };

describe('Slack write methods as JSON', () => {
  it('posts the arguments as a JSON body with the bot token as a Bearer header and returns the answer', async () => {
    const slack = await fakeSlack([]);
    caller = createJsonCaller({ token: 'xoxb-secret', apiUrl: slack.apiUrl });
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Mail flow: *severity A* — 送出失敗' } }];
    const answer = await caller.call('chat.postMessage', { channel: 'D1', text: 'hi', blocks });
    expect(answer).toEqual({ ok: true, ts: '1.2' });
    expect(slack.received).toHaveLength(1);
    const [call] = slack.received;
    expect(call!.path).toBe('/api/chat.postMessage');
    expect(call!.headers.authorization).toBe('Bearer xoxb-secret');
    expect(call!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(call!.body)).toEqual({ channel: 'D1', text: 'hi', blocks });
  });

  it('waits out a rate limit for the Retry-After Slack asked for, then sends again', async () => {
    const slack = await fakeSlack([json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' })]);
    caller = createJsonCaller({ token: 't', apiUrl: slack.apiUrl, retryConfig: fastRetry });
    const started = performance.now();
    await expect(caller.call('chat.postMessage', { channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(slack.received).toHaveLength(2);
    expect(slack.received[1]!.body).toBe(slack.received[0]!.body);
  });

  it('retries 5xx answers with backoff and succeeds when Slack recovers', async () => {
    const slack = await fakeSlack([json(503, { ok: false }), json(500, { ok: false })]);
    caller = createJsonCaller({ token: 't', apiUrl: slack.apiUrl, retryConfig: fastRetry });
    await expect(caller.call('views.publish', { user_id: 'U1', view: { type: 'home', blocks: [] } })).resolves.toMatchObject({ ok: true });
    expect(slack.received).toHaveLength(3);
  });

  it('gives up after the configured retries with an error the logs name by its HTTP status', async () => {
    const slack = await fakeSlack([json(500, {}), json(500, {}), json(502, {}), json(500, {})]);
    caller = createJsonCaller({ token: 't', apiUrl: slack.apiUrl, retryConfig: fastRetry });
    const error = await caller.call('chat.update', { channel: 'C1', ts: '1.1', text: 'x' }).catch((e: unknown) => e);
    expect(slackErrorCode(error)).toBe('http_502');
    expect(slack.received).toHaveLength(3);
  });

  it('does not repeat a call Slack refused with ok: false, and reports its error code', async () => {
    const slack = await fakeSlack([json(200, { ok: false, error: 'channel_not_found' })]);
    caller = createJsonCaller({ token: 't', apiUrl: slack.apiUrl, retryConfig: fastRetry });
    const error = await caller.call('chat.postMessage', { channel: 'C404', text: 'x' }).catch((e: unknown) => e);
    expect(slackErrorCode(error)).toBe('channel_not_found');
    expect(slack.received).toHaveLength(1);
  });

  it('treats an answer that is not JSON as a failed call, without retrying it', async () => {
    const slack = await fakeSlack([(res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>')]);
    caller = createJsonCaller({ token: 't', apiUrl: slack.apiUrl, retryConfig: fastRetry });
    const error = await caller.call('chat.postMessage', { channel: 'C1', text: 'x' }).catch((e: unknown) => e);
    expect(slackErrorCode(error)).toBe('http_200');
    expect(slack.received).toHaveLength(1);
  });

  it('retries when Slack cannot be reached and then fails with the network error code', async () => {
    const slack = await fakeSlack([]);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    caller = createJsonCaller({ token: 't', apiUrl: slack.apiUrl, retryConfig: fastRetry });
    const error = await caller.call('chat.postMessage', { channel: 'C1', text: 'x' }).catch((e: unknown) => e);
    expect(slackErrorCode(error)).toBe('ECONNREFUSED');
  });

  it('covers the write methods the bot sends and none of the read methods Slack only takes as forms', () => {
    for (const method of ['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'views.open', 'views.publish']) expect(JSON_METHODS.has(method)).toBe(true);
    for (const method of ['users.info', 'conversations.members', 'auth.test']) expect(JSON_METHODS.has(method)).toBe(false);
  });
});
