/** The triage engine (pure: text in, category + severity + reasons out) and the one call that loads the rules from `intents/`. */
import { projectPath } from '../paths.js';
import type { TriageEngine } from './engine.js';
import { loadRules } from './rules/load.js';

export const DEFAULT_RULES_DIR = projectPath('intents/');

export function loadDefaultRules(directory = DEFAULT_RULES_DIR): TriageEngine {
  return loadRules(directory);
}

export type { TriageEngine, TriageResult, SelfServiceLink, MissingDetail } from './engine.js';
export { RulesInvalidError } from './rules/load.js';
