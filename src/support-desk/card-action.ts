/**
 * What every channel does with a support-desk button press before handing it to the desk: read
 * the verb, case and tenant from the button's data, and pick the card's typed inputs.
 */
import type { DeskActionData, DeskOutcome } from './types.js';
import { deskVerbOf } from './types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-blank string, trimmed. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The verb, case number and tenant a desk button carries, or undefined for anything else. */
export function deskButtonOf(value: Readonly<Record<string, unknown>>) {
  const verb = deskVerbOf(value.verb);
  const number = str(value.number)?.toUpperCase();
  const tenant = str(value.tenant);
  return verb && number && tenant ? { verb, number, tenant } : undefined;
}

/** The desk's data from the card's inputs (message, severity, reason, assignee), text only. */
export function deskActionData(tenantId: string, number: string, inputs: Readonly<Record<string, unknown>>): DeskActionData {
  const data: { -readonly [K in keyof DeskActionData]: DeskActionData[K] } = { tenantId, number };
  for (const key of ['message', 'severity', 'reason', 'assignee'] as const) {
    const value = inputs[key];
    if (typeof value === 'string') data[key] = value;
  }
  return data;
}

/** Bot Framework chats (Teams, the local page): a refusal is said in the chat; success shows on the card. */
export async function answerInChat(
  context: { sendActivity(activity: { type: string; text: string; textFormat: string }): Promise<unknown> },
  outcome: DeskOutcome,
  quietWhenOk: boolean,
): Promise<void> {
  if (outcome.ok && quietWhenOk) return;
  await context.sendActivity({ type: 'message', text: outcome.message, textFormat: 'plain' });
}
