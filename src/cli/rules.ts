/** For the command-line tools: the project's rules, or the loader's message on stderr and exit 1. */
import { loadDefaultRules, RulesInvalidError, type TriageEngine } from '../triage/index.js';

export function loadRulesOrExit(): TriageEngine {
  try {
    return loadDefaultRules();
  } catch (error) {
    if (error instanceof RulesInvalidError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
