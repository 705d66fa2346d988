/**
 * The support desk: engineers claim, assign, answer, ask, change severity and resolve cases; the
 * requester answers back and may reopen. Every change goes through the store with its audit entry
 * (conditional where two people may race), then becomes notifications: the case card updated in
 * every support channel, and a notice to the requester in the chat where they opened the case.
 * Deliveries are best-effort and never fail an action; the store is the truth.
 */
import { pino, type Logger } from 'pino';
import type { BusinessHours } from '../domain/business-hours.js';
import { isSeverity, SEVERITY_DEFINITIONS } from '../domain/severity.js';
import { canReopen } from '../domain/support-rules.js';
import { CaseNotFoundError, type CaseStore, type SupportCase } from '../store/index.js';
import type { SupportDeskConfig } from './config.js';
import { cycleStart, dueAtFor } from './sla.js';
import type { DeskActionData, DeskActor, DeskOutcome, DeskVerb, Notifier, RequesterNotice, SupportNote } from './types.js';
import { formatMoment, supportCaseView } from './view.js';

export interface SupportDeskDeps {
  readonly store: CaseStore;
  readonly config: SupportDeskConfig;
  readonly notifiers?: readonly Notifier[];
  readonly now?: () => Date;
  readonly logger?: Logger;
  readonly businessHours?: BusinessHours;
  /** The triage reasons shown on the card (main passes the engine's). */
  readonly reasonsOf?: (c: SupportCase) => readonly string[];
}

/** The longest message an engineer or requester may send through a card. */
export const MAX_MESSAGE_LENGTH = 3_000;

const THANKS_WORDS = new Set([
  'thanks', 'thank', 'you', 'thx', 'ty', 'tks', 'cheers', 'ok', 'okay', 'great', 'perfect', 'awesome', 'much', 'many', 'so', 'very', 'a', 'lot',
  'all', 'good', 'now', 'works', 'it', 'again', 'appreciated', 'appreciate', 'that', 'nice', 'cool', 'fixed', 'solved',
]);

/** "Thanks!", "ok thank you so much", "謝謝": a courtesy, not a reason to reopen. */
export function isOnlyThanks(text: string): boolean {
  const cjk = text.replace(/[\s\p{P}\p{S}]/gu, '');
  if (/^(謝謝|感謝|多謝|谢谢|感恩|好的|了解)+(你|您|妳)?(了|囉|喔|啦)?$/u.test(cjk)) return true;
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  return words.every((w) => THANKS_WORDS.has(w.replace(/'s$/, ''))) && words.some((w) => /^(thanks|thank|thx|ty|tks|cheers|appreciated?)$/.test(w));
}

function cleanMessage(value: string | undefined): string | undefined {
  const text = value?.replace(/\r\n/g, '\n').trim();
  if (!text) return undefined;
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

function fail(reason: Extract<DeskOutcome, { ok: false }>['reason'], message: string): DeskOutcome {
  return { ok: false, reason, message };
}

export class SupportDesk {
  private readonly store: CaseStore;
  private readonly notifiers: Notifier[];
  private readonly clock: () => Date;
  private readonly logger: Logger;

  constructor(private readonly deps: SupportDeskDeps) {
    this.store = deps.store;
    this.notifiers = [...(deps.notifiers ?? [])];
    this.clock = deps.now ?? (() => new Date());
    this.logger = deps.logger ?? pino({ level: 'silent' });
  }

  /** Channels are built after the desk (they need it to route clicks): add them here. */
  addNotifier(notifier: Notifier): void {
    this.notifiers.push(notifier);
  }

  get config(): SupportDeskConfig {
    return this.deps.config;
  }

  /** SUPPORT_ENGINEERS (id or email), or a member of the support channel as the channel vouches. */
  isEngineer(actor: DeskActor): boolean {
    if (actor.channelMember === true) return true;
    const listed = this.deps.config.engineers;
    return listed.includes(actor.id.toLowerCase()) || (actor.email !== undefined && listed.includes(actor.email.toLowerCase()));
  }

  /** A new case: its card goes to every support channel. Never throws. */
  async caseOpened(c: SupportCase): Promise<void> {
    await this.showCase(c);
  }

  async act(actor: DeskActor, verb: DeskVerb, data: DeskActionData): Promise<DeskOutcome> {
    if (!this.isEngineer(actor)) {
      this.logger.warn({ actor: actor.id, verb, case: data.number }, 'case card action refused: not a support engineer');
      return fail('not-engineer', 'Only support engineers can act on case cards.');
    }
    const current = await this.store.getCase(data.tenantId, data.number);
    if (!current) return fail('not-found', `Case ${data.number} was not found.`);
    const outcome = await this.apply(actor, verb, current, data);
    this.logger.info({ actor: actor.id, verb, case: data.number, ok: outcome.ok }, 'support desk action');
    return outcome;
  }

  /** The requester answers the engineer from their chat: lands on the case and in the support channel. */
  async answer(requester: DeskActor, tenantId: string, number: string, message: string | undefined): Promise<DeskOutcome> {
    const c = await this.store.getCase(tenantId, number);
    if (!c) return fail('not-found', `Case ${number} was not found.`);
    if (c.requester.userId !== requester.id) return fail('not-requester', `Only ${c.requester.name}, who opened ${number}, can answer on it.`);
    const text = cleanMessage(message);
    if (!text) return fail('invalid', 'Type your answer first.');
    if (c.status === 'closed') return fail('closed', `${number} is resolved. Reopen it to continue.`);
    const updated = await this.updateAudited(c, {}, { actor: requester.id, action: 'requester-answer', detail: text });
    await this.note({ tenantId, number, text: `${c.requester.name} answered on ${number}: ${text}`, level: 'info' });
    await this.showCase(updated);
    return { ok: true, message: `Your answer was added to ${number}; the engineer has it.` };
  }

  /** The requester reopens a resolved case with a note, within 14 days; "thanks" alone does not reopen. */
  async reopen(requester: DeskActor, tenantId: string, number: string, message: string | undefined): Promise<DeskOutcome> {
    const c = await this.store.getCase(tenantId, number);
    if (!c) return fail('not-found', `Case ${number} was not found.`);
    if (c.requester.userId !== requester.id) return fail('not-requester', `Only ${c.requester.name}, who opened ${number}, can reopen it.`);
    if (c.status === 'open' || !c.closedAt) return fail('open', `${number} is still open.`);
    const now = this.clock();
    const check = canReopen(c.closedAt, now);
    if (!check.allowed) {
      return fail('reopen-expired', `${number} was resolved more than 14 days ago (reopening ended ${formatMoment(check.expiresAt, c.contact.timeZone)}). Please open a new case.`);
    }
    const note = cleanMessage(message);
    if (!note || isOnlyThanks(note)) {
      return fail('no-reason', `Glad it helped! ${number} stays resolved. To reopen it, say what is still wrong.`);
    }
    const result = await this.store.updateCaseIf(
      tenantId,
      number,
      { status: 'closed' },
      { status: 'open', owner: null },
      { actor: requester.id, action: 'reopened', detail: note },
    );
    if (!result.updated) return fail('open', `${number} is already open again.`);
    const due = dueAtFor(result.case, cycleStart(result.case), this.deps.businessHours);
    const reopened = await this.updateQuietly(result.case, { respondBy: due ?? null });
    await this.note({ tenantId, number, text: `${c.requester.name} reopened ${number}: ${note}`, level: 'info' });
    await this.showCase(reopened);
    await this.tellRequester(reopened, 'reopened', `${number} is open again and back in the support queue. An engineer will pick it up.`);
    return { ok: true, message: `${number} reopened.` };
  }

  /** Posts a line to every support channel (SLA reminders use it too). Never throws. */
  async note(note: SupportNote): Promise<void> {
    await this.fanOut('note', (n) => n.note(note));
  }

  /** Posts or updates the case card in every support channel. Never throws. */
  async showCase(c: SupportCase): Promise<void> {
    const view = supportCaseView(c, this.clock(), {
      ...(this.deps.businessHours ? { businessHours: this.deps.businessHours } : {}),
      ...(this.deps.reasonsOf ? { reasonsOf: this.deps.reasonsOf } : {}),
    });
    await this.fanOut('showCase', (n) => n.showCase(view));
  }

  // ---------------------------------------------------------------------------------------------

  private async apply(actor: DeskActor, verb: DeskVerb, c: SupportCase, data: DeskActionData): Promise<DeskOutcome> {
    const { tenantId, number } = c;
    switch (verb) {
      case 'claim': {
        if (c.status === 'closed') return fail('closed', `${number} is resolved.`);
        const result = await this.store.updateCaseIf(tenantId, number, { owner: null, status: 'open' }, { owner: actor.name }, { actor: actor.id, action: 'claimed', detail: actor.name });
        if (!result.updated) {
          const owner = result.case.owner;
          if (result.case.status === 'closed') return fail('closed', `${number} is resolved.`);
          return fail('already-claimed', owner === actor.name ? `You already have ${number}.` : `${number} is already claimed by ${owner}.`);
        }
        await this.showCase(result.case);
        await this.tellRequester(result.case, 'claimed', `${actor.name} from support has taken ${number} and is working on it.`);
        return { ok: true, message: `You claimed ${number}.` };
      }
      case 'assign': {
        if (c.status === 'closed') return fail('closed', `${number} is resolved.`);
        const assignee = data.assignee?.trim();
        if (!assignee) return fail('invalid', 'Say who to assign the case to.');
        const updated = await this.updateAudited(c, { owner: assignee }, { actor: actor.id, action: 'assigned', detail: assignee });
        await this.showCase(updated);
        await this.tellRequester(updated, 'claimed', `${assignee} from support has taken ${number} and is working on it.`);
        return { ok: true, message: `${number} assigned to ${assignee}.` };
      }
      case 'reply':
      case 'askInfo': {
        if (c.status === 'closed') return fail('closed', `${number} is resolved.`);
        const text = cleanMessage(data.message);
        if (!text) return fail('invalid', verb === 'reply' ? 'Type the reply first.' : 'Type what you need to know first.');
        const action = verb === 'reply' ? 'engineer-reply' : 'info-requested';
        const updated = await this.updateAudited(c, {}, { actor: actor.id, action, detail: text });
        await this.showCase(updated);
        const lead = verb === 'reply' ? `${actor.name} from support replied on ${number}:` : `${actor.name} from support needs more information on ${number}:`;
        await this.tellRequester(updated, verb === 'reply' ? 'reply' : 'ask-info', `${lead}\n\n${text}`);
        return { ok: true, message: `Sent to ${c.requester.name}.` };
      }
      case 'changeSeverity': {
        if (c.status === 'closed') return fail('closed', `${number} is resolved.`);
        const severity = data.severity?.trim().toUpperCase();
        if (!isSeverity(severity)) return fail('invalid', 'Pick a severity (A, B or C).');
        const reason = cleanMessage(data.reason);
        if (!reason) return fail('invalid', 'Say why the severity changes.');
        if (severity === c.severity) return fail('invalid', `${number} is already ${SEVERITY_DEFINITIONS[severity].label.en}.`);
        const changed = await this.updateAudited(c, { severity }, { actor: actor.id, action: 'severity-changed', detail: `${c.severity} → ${severity}: ${reason}` });
        const due = dueAtFor(changed, cycleStart(changed), this.deps.businessHours);
        const updated = await this.updateQuietly(changed, { respondBy: due ?? null });
        await this.showCase(updated);
        await this.tellRequester(
          updated,
          'severity-changed',
          `Support changed the severity of ${number} from ${SEVERITY_DEFINITIONS[c.severity].label.en} to ${SEVERITY_DEFINITIONS[severity].label.en}. Why: ${reason}`,
        );
        return { ok: true, message: `${number} is now ${SEVERITY_DEFINITIONS[severity].label.en}.` };
      }
      case 'resolve': {
        const text = cleanMessage(data.message);
        const result = await this.store.updateCaseIf(tenantId, number, { status: 'open' }, { status: 'closed' }, { actor: actor.id, action: 'resolved', ...(text ? { detail: text } : {}) });
        if (!result.updated) return fail('closed', `${number} is already resolved.`);
        await this.showCase(result.case);
        await this.tellRequester(
          result.case,
          'resolved',
          `${actor.name} from support resolved ${number}.${text ? `\n\n${text}` : ''}\n\nIf it is not fixed, you can reopen it within 14 days: say what is still wrong.`,
        );
        return { ok: true, message: `${number} resolved.` };
      }
    }
  }

  private updateAudited(c: SupportCase, change: Parameters<CaseStore['updateCase']>[2], audit: { actor: string; action: string; detail?: string }): Promise<SupportCase> {
    return this.store.updateCase(c.tenantId, c.number, change, audit);
  }

  /** A derived field (respondBy after a severity change or reopen): audited as the system. */
  private async updateQuietly(c: SupportCase, change: Parameters<CaseStore['updateCase']>[2]): Promise<SupportCase> {
    try {
      return await this.store.updateCase(c.tenantId, c.number, change, { actor: 'support-desk', action: 'respond-by-updated' });
    } catch (error) {
      if (error instanceof CaseNotFoundError) return c;
      throw error;
    }
  }

  private async tellRequester(c: SupportCase, kind: RequesterNotice['kind'], text: string): Promise<void> {
    const notice: RequesterNotice = {
      kind,
      tenantId: c.tenantId,
      number: c.number,
      title: c.title,
      text,
      answerable: kind === 'reply' || kind === 'ask-info',
      reopenable: kind === 'resolved',
    };
    const notifier = this.notifiers.find((n) => n.channels.includes(c.requester.channel));
    if (!notifier) {
      this.logger.warn({ case: c.number, channel: c.requester.channel }, 'no notifier for the requester channel; notice not delivered');
      return;
    }
    try {
      const sent = await notifier.notifyRequester(c.conversationReference, notice);
      if (!sent) this.logger.warn({ case: c.number, kind }, 'requester notice not delivered');
    } catch (error) {
      this.logger.error({ err: error, case: c.number, kind }, 'requester notice failed');
    }
  }

  private async fanOut(what: string, send: (n: Notifier) => Promise<boolean>): Promise<void> {
    for (const notifier of this.notifiers) {
      try {
        if (!(await notifier.hasSupportChannel())) continue;
        const ok = await send(notifier);
        if (!ok) this.logger.warn({ what, channels: notifier.channels }, 'support channel delivery failed');
      } catch (error) {
        this.logger.error({ err: error, what, channels: notifier.channels }, 'support channel delivery failed');
      }
    }
  }
}
