/**
 * `.env` in the working directory, read once at start by `npm start`, `npm run dev` and `npm run
 * chat` with Node's own parser (`process.loadEnvFile`). A variable already set in the environment
 * wins over the file, so `PORT=4000 npm start` still works with a `.env` that sets PORT.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export class EnvFileError extends Error {
  override name = 'EnvFileError';
}

/** Loads `.env` (or `ENV_FILE`) if it exists; returns the path read, or undefined when there is none. */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  const named = env.ENV_FILE?.trim();
  const path = resolve(cwd, named || '.env');
  if (!existsSync(path)) {
    if (named) throw new EnvFileError(`ENV_FILE: "${named}" does not exist (looked for ${path}); fix the path or unset ENV_FILE to read ./.env`);
    return undefined;
  }
  try {
    process.loadEnvFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new EnvFileError(`${path} could not be read (${code}); fix its permissions or remove it`);
  }
  return path;
}
