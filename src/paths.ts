/**
 * Where the project's runtime files are (intents/, cards/, the web chat page and bundle,
 * package.json): found from the project folder, not from the importing module, because the same
 * module runs from src/ under tsx and tests, and compiled from dist/ under `npm start`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; ) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}: cannot find the project folder`);
    dir = parent;
  }
}

/** The folder holding package.json, with a trailing separator. */
export const PROJECT_ROOT = join(findProjectRoot(dirname(fileURLToPath(import.meta.url))), '/');

/** A path inside the project; end with '/' for a folder with a trailing separator. */
export function projectPath(...segments: string[]): string {
  return join(PROJECT_ROOT, ...segments);
}
