/**
 * Load shedding on POST /slack/events, through signed requests: past `maxActiveEvents` listeners
 * still at work, a new event or click is answered 503 with Retry-After and reaches no listener;
 * once the work drains, requests are served again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationCore, Reply, Turn } from '../../src/conversation/types.js';
import { blockAction, dmEvent, eventEnvelope, startSlackHarness, type SlackHarness } from './helpers.js';

const open: SlackHarness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** A core whose turns wait until `release()`; `entered` lists the texts of the turns it took. */
function heldCore(): { core: ConversationCore; entered: string[]; firstEntered: Promise<void>; release(): void } {
  const entered: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let signalEntered!: () => void;
  const firstEntered = new Promise<void>((resolve) => (signalEntered = resolve));
  const core: ConversationCore = {
    async handle(turn: Turn): Promise<Reply[]> {
      entered.push(String(turn.text ?? turn.action?.verb));
      signalEntered();
      await held;
      return [{ kind: 'text', lang: 'en', text: `answer to ${String(turn.text)}` }];
    },
  };
  return { core, entered, firstEntered, release };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Slack load shedding', () => {
  it('answers 503 + Retry-After while maxActiveEvents listeners are at work, then serves again', async () => {
    const held = heldCore();
    const h = await startSlackHarness({ core: held.core, deps: { maxActiveEvents: 1 } });
    h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, tz: 'Europe/London' });
    open.push(h);

    expect((await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'first')))).status).toBe(200);
    await held.firstEntered;
    expect(h.channel.stats().activeEvents).toBe(1);

    const busyEvent = await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'second')));
    expect(busyEvent.status).toBe(503);
    expect(busyEvent.json()).toMatchObject({ error: 'busy' });
    const busyClick = await h.sendInteraction(blockAction({ user: 'UADMIN', channel: 'D0ADMIN', action: { action_id: 'myCases', value: '{}' } }));
    expect(busyClick.status).toBe(503);

    held.release();
    const [reply] = await h.slack.waitFor('chat.postMessage');
    expect(reply?.args.text).toBe('answer to first');
    await until(() => h.channel.stats().activeEvents === 0, 'the first turn to finish');

    expect((await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'third')))).status).toBe(200);
    await h.slack.waitFor('chat.postMessage', 2);
    // The refused requests never reached the core.
    expect(held.entered).toEqual(['first', 'third']);
  });

  it('sheds before reading or verifying the request, with a Retry-After in seconds', async () => {
    const held = heldCore();
    const h = await startSlackHarness({ core: held.core, deps: { maxActiveEvents: 1 } });
    h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, tz: 'Europe/London' });
    open.push(h);
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'first')));
    await held.firstEntered;
    // Unsigned: while overloaded even the signature check is not worth the CPU.
    const res = await fetch(`${h.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    held.release();
    await h.slack.waitFor('chat.postMessage');
  });
});
