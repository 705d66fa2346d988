/**
 * Loads and validates the rule files of `intents/`: one YAML file per service area plus
 * `severity.yaml`. Every problem names the file, the intent and the field, and says how to fix
 * it; the bot refuses to start on invalid rules, so the list is complete, not just the first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import type { CategoryId } from '../../domain/taxonomy.js';
import { compileRules, RuleCompileError, type TriageEngine } from '../engine.js';
import { englishWords } from '../english-words.js';
import { intentFileSchema, severityFileSchema, trainingFileSchema, type IntentRule, type SeverityFile } from './schema.js';
import { describeStemCollision, findStemCollisions, type RuleTerm } from './stem-collisions.js';

export const SEVERITY_FILE = 'severity.yaml';
/** The statistical layer's examples live in this subfolder of the rules folder. */
export const TRAINING_FOLDER = 'training';

export class RulesInvalidError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The intent rules are invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'RulesInvalidError';
  }
}

export interface RuleSource {
  /** File name as shown in messages, e.g. "exchange.yaml". */
  readonly file: string;
  readonly text: string;
}

/** Reads every `*.yaml` file of a folder. */
export function readRuleSources(directory: string): RuleSource[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => ({ file: basename(name), text: readFileSync(join(directory, name), 'utf8') }));
}

/** Reads the training examples of `directory/training/` (none when the folder is absent). */
export function readTrainingSources(directory: string): RuleSource[] {
  const folder = join(directory, TRAINING_FOLDER);
  if (!existsSync(folder)) return [];
  return readRuleSources(folder).map((source) => ({ ...source, file: `${TRAINING_FOLDER}/${source.file}` }));
}

export function loadRules(directory: string): TriageEngine {
  return buildRules(readRuleSources(directory), readTrainingSources(directory));
}

/** Validates rule sources and compiles the engine; throws RulesInvalidError listing every problem. */
export function buildRules(sources: readonly RuleSource[], trainingSources: readonly RuleSource[] = []): TriageEngine {
  const problems: string[] = [];
  const intents: { file: string; rule: IntentRule }[] = [];
  let severity: SeverityFile | undefined;
  const training = readTraining(trainingSources, problems);

  for (const source of sources) {
    const data = parseYaml(source, problems);
    if (data === undefined) continue;
    if (source.file === SEVERITY_FILE) {
      const parsed = severityFileSchema.safeParse(data);
      if (parsed.success) severity = parsed.data;
      else problems.push(...describeIssues(source.file, parsed.error, data));
      continue;
    }
    const parsed = intentFileSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...describeIssues(source.file, parsed.error, data));
      continue;
    }
    for (const rule of parsed.data.intents) intents.push({ file: source.file, rule });
  }

  if (!severity && !problems.some((p) => p.startsWith(SEVERITY_FILE))) {
    problems.push(`${SEVERITY_FILE}: missing. The severity cues live in intents/${SEVERITY_FILE}; restore it from version control.`);
  }
  if (intents.length === 0 && problems.length === 0) {
    problems.push('no intent files found: add one YAML file per service area to intents/');
  }

  const firstFileOf = new Map<string, string>();
  for (const { file, rule } of intents) {
    const previous = firstFileOf.get(rule.id);
    if (previous) {
      problems.push(`${file}: intent "${rule.id}", id: already used in ${previous}. Give each intent its own id.`);
    } else {
      firstFileOf.set(rule.id, file);
    }
  }
  if (severity) problems.push(...stemCollisionProblems(intents, severity));
  if (problems.length > 0 || !severity) throw new RulesInvalidError(problems);

  let engine: TriageEngine;
  try {
    // WordNet is read on the first correction, not at start-up: few messages need one.
    engine = compileRules({ intents, severity, training, isEnglish: (word) => englishWords().has(word) });
  } catch (error) {
    if (error instanceof RuleCompileError) throw new RulesInvalidError([`${error.message}. Fix the term or delete it.`]);
    throw error;
  }

  // An example is a promise about how the rules place a message: check that they keep it.
  for (const { file, rule } of intents) {
    rule.examples.forEach((example, index) => {
      const result = engine.triage(example);
      // The statistical layer learned the example itself: only a rule keeps the promise.
      const byRules = result.decidedBy === 'rules' ? result.category : 'unknown';
      if (byRules !== rule.category) {
        problems.push(
          `${file}: intent "${rule.id}", examples[${index}] ("${example.slice(0, 60)}") is placed in ${byRules}` +
            `${result.decidedBy === 'rules' && result.intent ? ` (intent "${result.intent}")` : ''}, not ${rule.category}. ` +
            'Add a phrase that sets it apart, a negative cue to the other intent, or move the example.',
        );
      }
    });
  }
  if (problems.length > 0) throw new RulesInvalidError(problems);
  return engine;
}

/** The fields whose terms are matched by word stems (patterns are not). */
const STEMMED_FIELDS = ['phrases', 'keywords', 'negative', 'products'] as const;

/** One-word terms that also match a common word of another family (stem-collisions.ts). */
function stemCollisionProblems(intents: readonly { file: string; rule: IntentRule }[], severity: SeverityFile): string[] {
  const terms: RuleTerm[] = [];
  for (const { file, rule } of intents) {
    for (const field of STEMMED_FIELDS) rule[field].forEach((term, i) => terms.push({ file, owner: `intent "${rule.id}"`, field: `${field}[${i}]`, term }));
  }
  for (const [group, cues] of Object.entries(severity.cues)) {
    cues.phrases.forEach((term, i) => terms.push({ file: SEVERITY_FILE, owner: `cues.${group}`, field: `phrases[${i}]`, term }));
  }
  return findStemCollisions(terms, englishWords()).map(describeStemCollision);
}

function readTraining(sources: readonly RuleSource[], problems: string[]): { category: CategoryId; text: string }[] {
  const training: { category: CategoryId; text: string }[] = [];
  for (const source of sources) {
    const data = parseYaml(source, problems);
    if (data === undefined) continue;
    const parsed = trainingFileSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...describeIssues(source.file, parsed.error, data));
      continue;
    }
    for (const [category, texts] of Object.entries(parsed.data.examples)) {
      for (const text of texts) training.push({ category: category as CategoryId, text });
    }
  }
  return training;
}

/**
 * js-yaml rather than the `yaml` package: the rules and examples are ~360 KB, which `yaml`'s
 * document model took 300-450 ms to read at a cold start (a third of the start-up budget);
 * js-yaml reads them in ~100 ms. CORE_SCHEMA: YAML 1.2 scalars only (no dates, no `yes`/`no`).
 * A key written twice is an error (js-yaml refuses it), since it would silently drop rules.
 */
function parseYaml(source: RuleSource, problems: string[]): unknown {
  try {
    return loadYaml(source.text, { schema: CORE_SCHEMA, filename: source.file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark ? error.mark.line + 1 : undefined;
    const duplicate = /duplicated mapping key/.test(error.reason);
    problems.push(
      `${source.file}${line ? `:${line}` : ''}: ${duplicate ? 'a key is written twice in the same block' : 'not valid YAML'} ` +
        `(${error.reason}). ${duplicate ? 'Merge the two lists into one.' : 'Check the indentation and quotes on that line.'}`,
    );
    return undefined;
  }
}

function describeIssues(file: string, error: z.ZodError, data: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    let where = path.join('.');
    if (path[0] === 'intents' && path[1] !== undefined) {
      const intent = (data as { intents?: Array<{ id?: unknown }> }).intents?.[Number(path[1])];
      const name = typeof intent?.id === 'string' ? `intent "${intent.id}"` : `intents[${path[1]}]`;
      where = `${name}, ${path.slice(2).join('.') || 'entry'}`;
    }
    return `${file}: ${where || 'file'}: ${describeIssue(issue)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling (fields are id, category, phrases, keywords, patterns, negative, examples, links)`;
  }
  if (issue.code === 'invalid_type') {
    return /received undefined/.test(issue.message)
      ? `is missing: add it (${issue.expected})`
      : `should be ${issue.expected === 'array' ? 'a list (one "- item" per line)' : issue.expected} (${issue.message})`;
  }
  return issue.message;
}
