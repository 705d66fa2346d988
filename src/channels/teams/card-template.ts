/**
 * Adaptive Card templates: the JSON files under `cards/`, read and checked once at start-up and
 * expanded by adaptivecards-templating (`new Template(json).expand({ $root: data })`). A broken
 * file stops the start with an error that names it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { projectPath } from '../../paths.js';

export const DEFAULT_CARDS_DIR = projectPath('cards/');
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_VERSION = '1.5';

export type CardJson = Record<string, unknown>;

export class CardTemplateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Card templates are invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'CardTemplateError';
  }
}

/** Reads `<directory>/<file>`; a problem (naming the file) is pushed instead when it is not an Adaptive Card of our version. */
export function readCardTemplate(directory: string, file: string, problems: string[]): CardJson | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(directory, file), 'utf8'));
  } catch (error) {
    problems.push(`${file}: ${(error as Error).message}`);
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as CardJson).type !== 'AdaptiveCard') {
    problems.push(`${file}: not an Adaptive Card (its "type" must be "AdaptiveCard")`);
    return undefined;
  }
  if ((parsed as CardJson).version !== CARD_VERSION) {
    problems.push(`${file}: "version" must be "${CARD_VERSION}"`);
    return undefined;
  }
  return parsed as CardJson;
}

export interface CardTemplate {
  /** A fresh card with `${...}`, `$data` and `$when` bound against `{ $root: data }`. */
  expand(data: unknown): CardJson;
}

/** One library Template per card file, made once: it prepares the JSON when constructed. */
export function cardTemplate(json: CardJson): CardTemplate {
  const template = new Template(json);
  return { expand: (data) => template.expand({ $root: data }) as CardJson };
}
