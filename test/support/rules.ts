/**
 * The default rules (`intents/`), compiled once per test worker instead of once per test file.
 *
 * Compiling them costs ~0.7 s. In the `fast-shared` project (vitest.config.ts, `isolate: false`)
 * one worker runs many test files and keeps this module, so those files all read one engine, as
 * the running bot reads one engine for every turn; in the other projects each file still compiles
 * its own. Triage is pure (text in, result out); the engine's only memory is its typo memo, which
 * the bot shares across turns in the same way. A test that needs other rules (another directory,
 * a changed rule) calls `loadRules` itself and must not touch this engine.
 */
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';

let engine: TriageEngine | undefined;

export function sharedRules(): TriageEngine {
  engine ??= loadDefaultRules();
  return engine;
}
