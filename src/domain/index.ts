/** Office 365 support knowledge as pure code and data: taxonomy, severities, plans, response times, business hours, boundaries, support rules, time formatting. */
export * from './taxonomy.js';
export * from './plans.js';
export * from './response-times.js';
export * from './business-hours.js';
export * from './boundaries.js';
export * from './scripts.js';
export * from './whitespace.js';
export * from './support-rules.js';
export * from './time.js';
