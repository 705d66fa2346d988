/** Test inputs read from the project: every rule pattern, and the held-out messages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parse } from 'js-yaml';
import { projectPath } from '../../src/paths.js';

/** Every `patterns:` entry of every rule file, as the engine compiles them. */
export function rulePatterns(): string[] {
  const found: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      if (key === 'patterns') found.push(...node.filter((p): p is string => typeof p === 'string'));
      else node.forEach((item) => walk(item, key));
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, k);
    }
  };
  const dir = projectPath('intents');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) walk(parse(readFileSync(join(dir, file), 'utf8')));
  return found;
}

/** The texts of test/fixtures/holdout.jsonl. */
export function holdoutTexts(): string[] {
  return readFileSync(projectPath('test/fixtures/holdout.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
}
