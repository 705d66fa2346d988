/** Outgoing and incoming HTTP plumbing shared by every part: JSON POST with retries (Retry-After honoured) and the nested-JSON guard. */
export * from './json-depth.js';
export * from './post.js';
export * from './retry.js';
