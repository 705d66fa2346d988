export {
  activityProblem,
  createServer,
  HEALTH_PATH,
  MAX_ACTIVITY_BYTES,
  MESSAGES_PATH,
  type ActivityProcessor,
  type BotServer,
  type RunningServer,
  type ServerDeps,
} from './app.js';
export { runHealthChecks, type HealthCheck, type HealthReport } from './health.js';
export { createBotServer, type BotServerDeps } from './bot-server.js';
export { confineToEmulatorTenant, createEndpointGate, isLoopbackUrl, rateLimitedWarn, type BotEndpoint } from './bot-endpoint.js';
