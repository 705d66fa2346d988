/**
 * Where each inbound Slack request goes, in one place: turns to the conversation core (through
 * the exchange), desk clicks to the support desk's handler (attached later by `attachSlackSupport`),
 * "Share in channel" and the App Home to the exchange. Never throws: a failure is logged with
 * what was being handled.
 */
import type { Logger } from 'pino';
import type { ClaimOnce } from './dedup.js';
import type { SlackExchange } from './exchange.js';
import type { SlackDeskClick, SlackInbound } from './inbound.js';

/** How long an event id is remembered, to answer a retried event once. */
export const EVENT_DEDUP_MS = 60 * 60 * 1000;

export type DeskClickHandler = (click: SlackDeskClick) => Promise<void>;

export interface SlackDispatcher {
  dispatch(inbound: SlackInbound): Promise<void>;
  /** The support desk's handler for desk buttons; until one is set they are logged and dropped. */
  onDeskClick(handler: DeskClickHandler): void;
}

/** Wraps one request's listener work (the load gate counts it while it runs). */
export type TrackWork = <T>(work: () => Promise<T>) => Promise<T>;

export function createDispatcher(deps: { exchange: SlackExchange; claim: ClaimOnce; logger: Logger; track?: TrackWork }): SlackDispatcher {
  const { exchange, claim, logger } = deps;
  const track: TrackWork = deps.track ?? ((work) => work());
  let deskHandler: DeskClickHandler | undefined;

  // Messages and mentions are deduplicated by the core (the turn's deliveryId, claimed in the same
  // write as the turn's state); the App Home has no turn, so its event is claimed here.
  const firstDelivery = async (eventId: string | undefined): Promise<boolean> => {
    if (!eventId) return true;
    try {
      const first = await claim(`slack:event:${eventId}`, EVENT_DEDUP_MS);
      if (!first) logger.info({ eventId }, 'repeated Slack event ignored');
      return first;
    } catch (error) {
      logger.warn({ err: error, eventId }, 'event dedup unavailable; answering anyway');
      return true;
    }
  };

  const route = async (inbound: SlackInbound): Promise<void> => {
    switch (inbound.to) {
      case 'core':
        return exchange.converse(inbound.turn);
      case 'desk':
        if (deskHandler) return deskHandler(inbound.action);
        logger.warn({ verb: inbound.action.verb }, 'support desk button pressed but no support desk is attached; ignored');
        return;
      case 'share':
        return exchange.share(inbound.tenantId, inbound.shareId, inbound.where, inbound.responseUrl);
      case 'home':
        if (await firstDelivery(inbound.eventId)) await exchange.publishHome(inbound.tenantId, inbound.userId);
        return;
      case 'none':
        logger.debug({ why: inbound.why }, 'Slack request needs no answer');
        return;
    }
  };

  return {
    dispatch: (inbound) =>
      track(async () => {
        try {
          await route(inbound);
        } catch (error) {
          logger.error({ err: error, to: inbound.to }, 'Slack handling failed');
        }
      }),
    onDeskClick(handler) {
      deskHandler = handler;
    },
  };
}
