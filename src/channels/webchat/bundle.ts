/**
 * Where the Web Chat browser bundle lives: `.cache/webchat/<version>/webchat.js`, fetched by
 * `scripts/fetch-webchat.mjs` (npm postinstall, or `npm run fetch:webchat`). Never committed,
 * never loaded from a CDN.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../paths.js';

/** Keep in step with WEBCHAT_VERSION in scripts/fetch-webchat.mjs. */
export const WEBCHAT_VERSION = '4.18.1';
export const DEFAULT_BUNDLE_DIR = projectPath(`.cache/webchat/${WEBCHAT_VERSION}/`);
export const BUNDLE_FILES = ['webchat.js', 'webchat-minimal.js'] as const;
export const FETCH_COMMAND = 'npm run fetch:webchat';

export function bundlePath(directory: string, file: (typeof BUNDLE_FILES)[number] = 'webchat.js'): string {
  return join(directory, file);
}

export function bundlePresent(directory: string): boolean {
  return existsSync(bundlePath(directory));
}
