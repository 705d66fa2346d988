/**
 * What the benchmark's load generators and fake far ends share about Slack and the traffic:
 * the complaints sent, the signed `message` event (a DM), and the fake Web API's answers.
 */
import { createHmac } from 'node:crypto';

export const COMPLAINTS = [
  'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1',
  'one user cannot sign in after an MFA reset',
  'How do I set a password that never expires?',
  'Teams meetings drop audio for everyone in the Taipei office',
  'SharePoint site is read only for the finance team',
  '整個公司從早上八點開始都收不到外部郵件',
] as const;

/** A Slack `message` event in a DM (channel `D<user>`) as the Events API sends it. `n` makes ids and ts unique. */
export function slackMessageEvent(user: string, eventId: string, n: number): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel: `D${user}`, channel_type: 'im', user, text: COMPLAINTS[n % COMPLAINTS.length], ts: `${1_700_000_000 + n}.000100`, event_ts: `${1_700_000_000 + n}.000100` },
    authorizations: [{ enterprise_id: null, team_id: 'T0BENCH', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });
}

/** Slack's request signature headers (v0 HMAC-SHA256 of `v0:<ts>:<body>`). */
export function slackSignatureHeaders(secret: string, body: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
}

/** A Web API call's string arguments, whether the client sent a form (the WebClient) or JSON (chat.*, views.*). */
export interface CallArgs {
  get(name: string): string | null;
}

export function callArgsOf(body: string, contentType: string | undefined): CallArgs {
  if (!contentType?.includes('application/json')) return new URLSearchParams(body);
  const parsed = JSON.parse(body) as Record<string, unknown>;
  return { get: (name) => (typeof parsed[name] === 'string' ? (parsed[name] as string) : null) };
}

let nextTs = 1;
/** The fake Slack Web API's answer to `method` (users.info: a full, realistic user; at once). */
export function slackAnswer(method: string, args: CallArgs): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return { ok: true, url: 'https://contoso.slack.com/', team: 'Contoso', user: 'triage', team_id: 'T0BENCH', user_id: 'UBOT', bot_id: 'BBOT' };
    case 'users.info': {
      const id = args.get('user') ?? 'U0';
      return { ok: true, user: { id, name: id.toLowerCase(), real_name: `User ${id}`, tz: 'Europe/London', is_admin: true, is_owner: false, locale: 'en-US', profile: { real_name: `User ${id}` } } };
    }
    case 'chat.postMessage':
      return { ok: true, channel: args.get('channel'), ts: `${1_700_000_000 + nextTs++}.000100` };
    default:
      return { ok: true };
  }
}
