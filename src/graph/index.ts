/** Microsoft Graph for the conversation core: config, the directory over Graph, and its port. */
export { GraphConfigError, graphEnvSchema, graphEnvShape, loadGraphConfig, type GraphConfig } from './config.js';
export { createGraphDirectory, directoryOver, type GraphDirectoryOptions } from './directory.js';
export type { DirectoryUser, GraphFailure, IncidentAnswer, PlanAnswer, RoleAnswer, ServiceIncident, TenantDirectory } from './port.js';
export { ADMIN_ROLE_TEMPLATES } from './roles.js';
export { SKU_PLANS, planFromSkus } from './skus.js';
