/** Announcing new cases from the store's outbox: the support desk's target and the signed webhook, delivered by the outbox relay. */
export * from './config.js';
export * from './desk-target.js';
export * from './outbox-relay.js';
export * from './target.js';
export * from './webhook.js';
