/**
 * What the composition root uses: the observability of one process, off (identity wrappers, no
 * /metrics) unless METRICS=on; `/readyz` always.
 */
import type { Express } from 'express';
import type { ConversationCore } from '../conversation/types.js';
import type { CaseStore } from '../store/index.js';
import type { TriageEngine } from '../triage/engine.js';
import type { ObservabilityConfig } from './config.js';
import { instrumentCore, instrumentEngine, instrumentStore } from './decorators.js';
import { createMetrics, type BotMetrics } from './metrics.js';
import { metricsRouter, readinessRouter } from './routes.js';

export { observabilityConfigFromEnv, ObservabilityConfigError, observabilityShape, type ObservabilityConfig } from './config.js';
export { METRICS_PATH, READY_PATH } from './routes.js';

export interface Observability {
  readonly metrics: BotMetrics | undefined;
  store(store: CaseStore): CaseStore;
  engine(engine: TriageEngine): TriageEngine;
  core(core: ConversationCore): ConversationCore;
  /** Mounts `/readyz`, and `/metrics` when on. */
  mount(app: Express, store: CaseStore): void;
}

export function createObservability(config: ObservabilityConfig): Observability {
  const metrics = config.metrics ? createMetrics({ instance: config.instance }) : undefined;
  return {
    metrics,
    store: (store) => (metrics ? instrumentStore(store, metrics) : store),
    engine: (engine) => (metrics ? instrumentEngine(engine, metrics) : engine),
    core: (core) => (metrics ? instrumentCore(core, metrics) : core),
    mount(app, store) {
      app.use(readinessRouter(store));
      if (metrics) app.use(metricsRouter(metrics));
    },
  };
}
