/**
 * `GET /metrics` (Prometheus text format) and `GET /readyz` (readiness for a load balancer: 503
 * with the reason while the store cannot be reached). Express routers, mounted by the app.
 */
import { Router } from 'express';
import type { CaseStore } from '../store/index.js';
import type { BotMetrics } from './metrics.js';

export const METRICS_PATH = '/metrics';
export const READY_PATH = '/readyz';
const READY_TIMEOUT_MS = 2_000;
/** A key read through the store's index: touches the database, changes nothing. */
const PROBE_KEY = 'readyz:probe';

export function metricsRouter(metrics: BotMetrics): Router {
  const router = Router();
  router.get(METRICS_PATH, async (_req, res) => {
    const body = await metrics.registry.metrics();
    res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(body);
  });
  return router;
}

async function storeProblem(store: Pick<CaseStore, 'isClaimed'>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`the case store did not answer within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([store.isClaimed(PROBE_KEY).then(() => undefined), timeout]);
  } catch (error) {
    return `the case store is unreachable: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}

export function readinessRouter(store: Pick<CaseStore, 'isClaimed'>): Router {
  const router = Router();
  router.get(READY_PATH, async (_req, res) => {
    const problem = await storeProblem(store);
    res.set('Cache-Control', 'no-store');
    if (problem) res.status(503).json({ status: 'unavailable', reason: problem });
    else res.json({ status: 'ready' });
  });
  return router;
}
