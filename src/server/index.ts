/** The generic HTTP server (express app, JSON body routes, health checks, listen/close); knows no channel. */
export {
  createServer,
  HEALTH_PATH,
  jsonRoute,
  type BotServer,
  type HttpParts,
  type JsonRoute,
  type JsonRouteOptions,
  type RunningServer,
  type ServerDeps,
} from './app.js';
export { runHealthChecks, type HealthCheck, type HealthReport } from './health.js';
