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
import { isOnlyThanks } from '../domain/thanks.js';
import { CaseNotFoundError, type CaseStore, type SupportCase } from '../store/index.js';
import { assignedNote, checkAssignee } from './assignees.js';
import type { SupportDeskConfig } from './config.js';
import { cycleStart, dueAtFor } from './sla.js';
import type { DeskActionData, DeskActor, DeskOutcome, DeskPerson, DeskVerb, Notifier, RequesterNotice, SupportCaseView, SupportNote } from './types.js';
import { deskStrings } from './strings/index.js';
import { formatMoment } from '../domain/time.js';
import { supportCaseView } from './view.js';

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

export { isOnlyThanks };

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

  /**
   * A member of the support channel as the channel vouches, or SUPPORT_ENGINEERS (id or email).
   * The list is believed only from a channel that authenticated the id (Teams, Slack) or fixed it
   * itself (the local page's `local-engineer`); an Emulator caller names any id it likes, so for
   * it only the support channel of its own tenant counts. Ids are compared ignoring case: Teams
   * (Entra object ids) and Slack (U…/W…) ids cannot collide, and no unauthenticated door can
   * present a listed id.
   */
  isEngineer(actor: DeskActor): boolean {
    if (actor.channelMember === true) return true;
    if (actor.via === 'emulator') return false;
    const listed = this.deps.config.engineers;
    return listed.includes(actor.id.toLowerCase()) || (actor.email !== undefined && listed.includes(actor.email.toLowerCase()));
  }

  /**
   * A new case: its card goes to every support channel. Never throws; false when a channel did
   * not take it (the outbox retries: a channel that has the card already updates it in place).
   */
  async caseOpened(c: SupportCase): Promise<boolean> {
    return this.fanOut('showCase', (n) => n.showCase(this.caseView(c)));
  }

  async act(actor: DeskActor, verb: DeskVerb, data: DeskActionData): Promise<DeskOutcome> {
    if (!this.isEngineer(actor)) {
      this.logger.warn({ actor: actor.id, via: actor.via, verb, case: data.number }, 'case card action refused: not a support engineer');
      return fail('not-engineer', 'Only support engineers can act on case cards.');
    }
    // An unauthenticated door serves one tenant: any other is "not found", as if it did not exist.
    const outsideDoor = (actor.via === 'local' || actor.via === 'emulator') && data.tenantId !== actor.tenant;
    const current = outsideDoor ? undefined : await this.store.getCase(data.tenantId, data.number);
    if (!current) {
      if (outsideDoor) this.logger.warn({ actor: actor.id, via: actor.via, verb, case: data.number }, 'case card action refused: outside the door\'s tenant');
      return fail('not-found', `Case ${data.number} was not found.`);
    }
    const outcome = await this.apply(actor, verb, current, data);
    this.logger.info({ actor: actor.id, verb, case: data.number, ok: outcome.ok }, 'support desk action');
    return outcome;
  }

  /** The requester answers the engineer from their chat: lands on the case and in the support channel. */
  async answer(requester: DeskPerson, tenantId: string, number: string, message: string | undefined): Promise<DeskOutcome> {
    const c = await this.store.getCase(tenantId, number);
    if (!c) return fail('not-found', deskStrings('en').caseNotFound(number));
    const s = deskStrings(c.contact.language);
    if (c.requester.userId !== requester.id) return fail('not-requester', s.onlyRequesterAnswers(c.requester.name, number));
    const text = cleanMessage(message);
    if (!text) return fail('invalid', s.answerEmpty);
    if (c.status === 'closed') return fail('closed', s.answerOnResolved(number));
    const updated = await this.updateAudited(c, {}, { actor: requester.id, action: 'requester-answer', detail: text });
    await this.note({ tenantId, number, text: `${c.requester.name} answered on ${number}: ${text}`, level: 'info' });
    await this.showCase(updated);
    return { ok: true, message: s.answerAdded(number) };
  }

  /** The requester reopens a resolved case with a note, within 14 days; "thanks" alone does not reopen. */
  async reopen(requester: DeskPerson, tenantId: string, number: string, message: string | undefined): Promise<DeskOutcome> {
    const c = await this.store.getCase(tenantId, number);
    if (!c) return fail('not-found', deskStrings('en').caseNotFound(number));
    const s = deskStrings(c.contact.language);
    if (c.requester.userId !== requester.id) return fail('not-requester', s.onlyRequesterReopens(c.requester.name, number));
    if (c.status === 'open' || !c.closedAt) return fail('open', s.stillOpen(number));
    const now = this.clock();
    const check = canReopen(c.closedAt, now);
    if (!check.allowed) {
      return fail('reopen-expired', s.reopenExpired(number, formatMoment(check.expiresAt, c.contact.timeZone)));
    }
    const note = cleanMessage(message);
    if (!note || isOnlyThanks(note)) {
      return fail('no-reason', s.reopenOnlyThanks(number));
    }
    const result = await this.store.updateCaseIf(
      tenantId,
      number,
      { status: 'closed' },
      { status: 'open', owner: null },
      { actor: requester.id, action: 'reopened', detail: note },
    );
    if (!result.updated) return fail('open', s.alreadyReopened(number));
    const reopened = await this.restartClock(result.case);
    await this.note({ tenantId, number, text: `${c.requester.name} reopened ${number}: ${note}`, level: 'info' });
    await this.showCase(reopened);
    await this.tellRequester(reopened, 'reopened', s.reopened(number));
    return { ok: true, message: s.reopenDone(number) };
  }

  /**
   * The requester closed or reopened the case from the chat (the core's `close`/`reopen SR-…`):
   * the card is updated in place and the support channel gets a line. The core already told the
   * requester and applied the change; a reopen restarts the response clock here. Never throws.
   */
  async requesterChanged(c: SupportCase, change: { action: 'closed' | 'reopened' | 'answered'; by: string; note?: string }): Promise<void> {
    try {
      let current = c;
      if (change.action === 'reopened' && c.status === 'open') {
        current = await this.restartClock(c);
      }
      // Any admin of the tenant may close or reopen from the chat, not only the requester.
      const who = change.by === c.requester.userId ? c.requester.name : `An admin of ${c.tenantId} (${change.by})`;
      const text =
        change.action === 'answered'
          ? `${who} answered on ${c.number}: ${change.note ?? ''}`
          : change.action === 'closed'
          ? `${who} closed ${c.number} from the chat.`
          : `${who} reopened ${c.number} from the chat${change.note ? `: ${change.note}` : ' (no reason given)'}.`;
      await this.note({ tenantId: c.tenantId, number: c.number, text, level: 'info' });
      await this.showCase(current);
    } catch (error) {
      this.logger.error({ err: error, case: c.number, action: change.action }, 'support desk update after a chat close/reopen failed');
    }
  }

  /** Posts a line to every support channel (SLA reminders use it too). Never throws. */
  async note(note: SupportNote): Promise<void> {
    await this.fanOut('note', (n) => n.note(note));
  }

  /** Posts or updates the case card in every support channel. Never throws. */
  async showCase(c: SupportCase): Promise<void> {
    const view = this.caseView(c);
    await this.fanOut('showCase', (n) => n.showCase(view));
  }

  /** The case card's data as of now (a channel that opens late shows the open cases with it). */
  caseView(c: SupportCase): SupportCaseView {
    return supportCaseView(c, this.clock(), {
      ...(this.deps.businessHours ? { businessHours: this.deps.businessHours } : {}),
      ...(this.deps.reasonsOf ? { reasonsOf: this.deps.reasonsOf } : {}),
    });
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
        await this.tellRequester(result.case, 'claimed', deskStrings(c.contact.language).claimed(actor.name, number));
        return { ok: true, message: `You claimed ${number}.` };
      }
      case 'assign': {
        if (c.status === 'closed') return fail('closed', `${number} is resolved.`);
        const check = checkAssignee(this.deps.config, data.assignee);
        if (!check.ok) return fail('invalid', check.message);
        const assignee = check.engineer;
        const updated = await this.updateAudited(c, { owner: assignee }, { actor: actor.id, action: 'assigned', detail: assignee });
        await this.showCase(updated);
        await this.note({ tenantId, number, text: assignedNote(assignee, actor.name, number, c.title), level: 'info' });
        await this.tellRequester(updated, 'claimed', deskStrings(c.contact.language).claimed(assignee, number));
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
        const s = deskStrings(c.contact.language);
        await this.tellRequester(updated, verb === 'reply' ? 'reply' : 'ask-info', verb === 'reply' ? s.replied(actor.name, number, text) : s.askedInfo(actor.name, number, text));
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
        const updated = await this.restartClock(changed);
        await this.showCase(updated);
        const lang = c.contact.language === 'zh-TW' ? 'zh-TW' : 'en';
        await this.tellRequester(
          updated,
          'severity-changed',
          deskStrings(lang).severityChanged(number, SEVERITY_DEFINITIONS[c.severity].label[lang], SEVERITY_DEFINITIONS[severity].label[lang], reason),
        );
        return { ok: true, message: `${number} is now ${SEVERITY_DEFINITIONS[severity].label.en}.` };
      }
      case 'resolve': {
        const text = cleanMessage(data.message);
        const result = await this.store.updateCaseIf(tenantId, number, { status: 'open' }, { status: 'closed' }, { actor: actor.id, action: 'resolved', ...(text ? { detail: text } : {}) });
        if (!result.updated) return fail('closed', `${number} is already resolved.`);
        await this.showCase(result.case);
        await this.tellRequester(result.case, 'resolved', deskStrings(c.contact.language).resolved(actor.name, number, text ?? ''));
        return { ok: true, message: `${number} resolved.` };
      }
    }
  }

  private updateAudited(c: SupportCase, change: Parameters<CaseStore['updateCase']>[2], audit: { actor: string; action: string; detail?: string }): Promise<SupportCase> {
    return this.store.updateCase(c.tenantId, c.number, change, audit);
  }

  /** A derived field (respondBy after a severity change or reopen): audited as the system. */
  /** A new response cycle (reopen, severity change): the case's due time from now on. */
  private restartClock(c: SupportCase): Promise<SupportCase> {
    const due = dueAtFor(c, cycleStart(c), this.deps.businessHours);
    return this.updateQuietly(c, { respondBy: due ?? null });
  }

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
      lang: c.contact.language,
    };
    const candidates = this.notifiers.filter((n) => n.channels.includes(c.requester.channel) && n.reaches?.(c.conversationReference) !== false);
    const notifier = candidates.find((n) => n.reaches !== undefined) ?? candidates[0];
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

  /** true when every support channel took it. */
  private async fanOut(what: string, send: (n: Notifier) => Promise<boolean>): Promise<boolean> {
    let all = true;
    for (const notifier of this.notifiers) {
      try {
        if (!(await notifier.hasSupportChannel())) continue;
        const ok = await send(notifier);
        if (!ok) this.logger.warn({ what, channels: notifier.channels }, 'support channel delivery failed');
        all &&= ok;
      } catch (error) {
        this.logger.error({ err: error, what, channels: notifier.channels }, 'support channel delivery failed');
        all = false;
      }
    }
    return all;
  }
}
