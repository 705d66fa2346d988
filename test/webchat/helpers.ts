/** Direct Line over real HTTP, as Web Chat speaks it (`webSocket: false`). */
import { cardText, readAnswer, submitActions } from '../teams/helpers.js';

export interface HttpAnswer {
  readonly status: number;
  readonly json: any;
  readonly text: string;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  return readAnswer(response);
}

export interface Started {
  readonly conversationId: string;
  readonly token: string;
}

export async function startConversation(baseUrl: string, as?: 'admin' | 'user'): Promise<Started> {
  const answer = await call(baseUrl, 'POST', `/v3/directline/conversations${as ? `?as=${as}` : ''}`);
  if (answer.status !== 201) throw new Error(`start: ${answer.status} ${answer.text}`);
  return { conversationId: answer.json.conversationId, token: answer.json.token };
}

export async function poll(baseUrl: string, chat: Started, watermark?: string): Promise<{ activities: any[]; watermark: string }> {
  const answer = await call(baseUrl, 'GET', `/v3/directline/conversations/${chat.conversationId}/activities?watermark=${watermark ?? ''}`, {
    token: chat.token,
  });
  if (answer.status !== 200) throw new Error(`poll: ${answer.status} ${answer.text}`);
  return answer.json;
}

let clientCounter = 0;

/** A message as Web Chat posts it (its own `from`, a `clientActivityID`). */
export function webChatMessage(fields: { text?: string; value?: Record<string, unknown> }): Record<string, unknown> {
  clientCounter += 1;
  return {
    type: 'message',
    ...(fields.text !== undefined ? { text: fields.text, textFormat: 'plain' } : {}),
    ...(fields.value ? { value: fields.value } : {}),
    from: { id: 'dl_someone-else', name: 'Spoofed', role: 'user' },
    locale: 'en-US',
    localTimezone: 'Asia/Taipei',
    localTimestamp: new Date().toISOString(),
    channelData: { clientActivityID: `client-${Date.now()}-${clientCounter}`, clientTimestamp: new Date().toISOString() },
    entities: [],
  };
}

export function cardsOf(activities: readonly any[]): Record<string, unknown>[] {
  return activities
    .filter((a) => a.from?.role === 'bot')
    .flatMap((a) => (Array.isArray(a.attachments) ? a.attachments : []))
    .filter((att: any) => att.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((att: any) => att.content);
}

/** What an admin types into the case form in the local-chat journeys (besides the form's own data). */
export const SALES_FLOOR_CASE = {
  title: 'Outlook cannot send for the sales floor',
  description: 'Since 9am nobody on the sales floor can send.',
  category: 'exchange.mailflow',
  affectedUsers: '40',
  contactMethod: 'email',
  email: 'admin@contoso.example',
  phone: '',
  language: 'en',
  timeZone: 'Asia/Taipei',
} as const;

/** An admin's whole way to a case over Direct Line: complaint, Open a case, the form; returns its number. */
export async function openCaseAsAdmin(url: string, admin: Started, fields: Partial<Record<keyof typeof SALES_FLOOR_CASE, string>> = {}): Promise<string> {
  const send = async (activity: { text?: string; value?: Record<string, unknown> }): Promise<void> => {
    const answer = await call(url, 'POST', `/v3/directline/conversations/${admin.conversationId}/activities`, { token: admin.token, body: webChatMessage(activity) });
    if (answer.status !== 200) throw new Error(`post: ${answer.status} ${answer.text}`);
  };
  await send({ text: 'outlook cannot send mail for the whole sales floor since 9am' });
  const triage = cardsOf((await poll(url, admin)).activities).at(-1)!;
  await send({ value: submitActions(triage).find((a) => a.data.verb === 'openCase')!.data });
  const form = cardsOf((await poll(url, admin)).activities).at(-1)!;
  await send({ value: { ...submitActions(form).find((a) => a.data.verb === 'submitCase')!.data, ...SALES_FLOOR_CASE, ...fields } });
  const created = cardsOf((await poll(url, admin)).activities).at(-1)!;
  const number = /SR-\d{6}-\d{4,}/.exec(cardText(created))?.[0];
  if (!number) throw new Error('no case number');
  return number;
}
