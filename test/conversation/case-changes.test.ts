/**
 * The core's `close SR-…` / `reopen SR-…`: the support desk is told (card refreshed in place, a
 * note in the support channel), and a reopen that only says thanks does not reopen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/core.js';
import type { CaseChangeNotice } from '../../src/conversation/context.js';
import { reopenNoteOf } from '../../src/conversation/commands.js';
import { turnAction, type Reply, type Turn } from '../../src/conversation/types.js';
import { openSqliteStore, type CaseStore, type SupportCase } from '../../src/store/index.js';
import { loadSupportDeskConfig, SupportDesk, type Notifier, type SupportCaseView, type SupportNote } from '../../src/support-desk/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { ADMIN, clock, only, texts } from './helpers.js';

const engine = loadDefaultRules();
const stores: CaseStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setup() {
  const c = clock();
  const store = await openSqliteStore({ dataDir: ':memory:', now: c.now });
  stores.push(store);
  const shown: SupportCaseView[] = [];
  const notes: SupportNote[] = [];
  const fake: Notifier = {
    channels: ['msteams'],
    hasSupportChannel: async () => true,
    showCase: async (view) => {
      shown.push(view);
      return true;
    },
    note: async (note) => {
      notes.push(note);
      return true;
    },
    notifyRequester: async () => true,
  };
  const desk = new SupportDesk({ store, config: loadSupportDeskConfig({}), notifiers: [fake], now: c.now });
  const changes: { c: SupportCase; change: CaseChangeNotice }[] = [];
  const pending: Promise<void>[] = [];
  const core = createConversationCore({
    engine,
    store,
    config: { credentialsConfigured: false, defaultPlan: 'Office 365 Enterprise E3' },
    now: c.now,
    onCaseChanged: (x, change) => {
      changes.push({ c: x, change });
      pending.push(desk.requesterChanged(x, change));
    },
  });
  const turn = (fields: Partial<Turn>): Turn => ({
    channel: 'msteams',
    tenantId: 'tenant-contoso',
    conversationId: 'conv-1',
    user: ADMIN,
    conversationReference: { conversation: { id: 'conv-1' } },
    ...fields,
  });
  const say = (text: string): Promise<Reply[]> => core.handle(turn({ text }));
  const act = (verb: string, data: Record<string, unknown> = {}): Promise<Reply[]> => core.handle(turn({ action: turnAction(verb, data) }));
  await say('All users cannot send email since this morning');
  const form = only(await act('openCase'), 'case-form');
  const number = only(await act('submitCase', { ...form.values, formId: form.formId }), 'case-created').case.number;
  const settle = async () => {
    await Promise.all(pending.splice(0));
  };
  return { store, clock: c, say, act, number, changes, shown, notes, settle };
}

describe("the core's close and reopen tell the support desk", () => {
  it('close: the desk is told, the card is refreshed and the channel gets a note', async () => {
    const h = await setup();
    expect(texts(await h.say(`close ${h.number}`))).toMatch(/is closed/);
    await h.settle();
    expect(h.changes.map((x) => [x.c.number, x.c.status, x.change])).toEqual([[h.number, 'closed', { action: 'closed', by: ADMIN.id }]]);
    expect(h.shown.at(-1)).toMatchObject({ number: h.number, status: 'closed', canAct: false });
    expect(h.notes.at(-1)?.text).toBe(`${ADMIN.name} closed ${h.number} from the chat.`);
  });

  it('"reopen SR-… thanks" is refused with a clear message, and the desk hears nothing', async () => {
    const h = await setup();
    await h.say(`close ${h.number}`);
    await h.settle();
    for (const text of [`reopen ${h.number} thanks`, `reopen ${h.number} — thank you so much!`, `重新開啟 ${h.number} 謝謝`]) {
      expect(texts(await h.say(text))).toMatch(/stays closed|維持關閉/);
    }
    await h.settle();
    expect((await h.store.getCase('tenant-contoso', h.number))?.status).toBe('closed');
    expect(h.changes.map((x) => x.change.action)).toEqual(['closed']);
  });

  it('"reopen SR-…" alone reopens, unclaimed, and the desk refreshes the card', async () => {
    const h = await setup();
    await h.store.updateCase('tenant-contoso', h.number, { owner: 'Eve Engineer' }, { actor: 'eve', action: 'claimed', detail: 'Eve Engineer' });
    await h.say(`close ${h.number}`);
    expect(texts(await h.say(`reopen ${h.number}`))).toMatch(/open again/);
    await h.settle();
    const stored = await h.store.getCase('tenant-contoso', h.number);
    expect(stored).toMatchObject({ status: 'open' });
    expect(stored?.owner).toBeUndefined();
    expect(stored?.audit.find((a) => a.action === 'reopened')?.detail).toBeUndefined();
    expect(h.changes.at(-1)?.change).toEqual({ action: 'reopened', by: ADMIN.id });
    expect(h.shown.at(-1)).toMatchObject({ number: h.number, status: 'open', canClaim: true });
    expect(h.notes.at(-1)?.text).toBe(`${ADMIN.name} reopened ${h.number} from the chat (no reason given).`);
  });

  it('"reopen SR-… <reason>" reopens with the reason in the audit entry and the support note', async () => {
    const h = await setup();
    await h.say(`close ${h.number}`);
    h.clock.advanceDays(2);
    expect(texts(await h.say(`reopen ${h.number}: thanks, but the error is back for two users`))).toMatch(/open again/);
    await h.settle();
    const stored = await h.store.getCase('tenant-contoso', h.number);
    expect(stored?.audit.filter((a) => a.action === 'reopened').map((a) => a.detail)).toEqual(['thanks, but the error is back for two users']);
    expect(h.changes.at(-1)?.change).toEqual({ action: 'reopened', by: ADMIN.id, note: 'thanks, but the error is back for two users' });
    expect(h.notes.at(-1)?.text).toContain('the error is back for two users');
    // The response clock restarts at the reopen.
    expect(stored?.respondBy?.getTime()).toBeGreaterThan(h.clock.now().getTime());
  });

  it('the Reopen button (no typed text) reopens without a reason', async () => {
    const h = await setup();
    await h.say(`close ${h.number}`);
    expect(texts(await h.act('reopenCase', { number: h.number }))).toMatch(/open again/);
    await h.settle();
    expect(h.changes.at(-1)?.change).toEqual({ action: 'reopened', by: ADMIN.id });
  });
});

describe('reopenNoteOf', () => {
  it('keeps what follows the case number', () => {
    expect(reopenNoteOf('reopen SR-261124-0001')).toBeUndefined();
    expect(reopenNoteOf('reopen case SR-261124-0001 thanks!')).toBe('thanks!');
    expect(reopenNoteOf('Reopen SR-261124-0001: still broken')).toBe('still broken');
    expect(reopenNoteOf('重新開啟 SR-261124-0001 謝謝')).toBe('謝謝');
    expect(reopenNoteOf('close SR-261124-0001 thanks')).toBeUndefined();
  });
});
