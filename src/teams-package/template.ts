/**
 * Fills `{{NAME}}` placeholders in the parsed manifest template. Substitution happens inside
 * JSON string values (never on the raw text), so a value can not break the JSON structure.
 */
import { ManifestTemplateError } from './errors.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z0-9_]+)\s*\}\}$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Parses template text, naming the file when it is not JSON. */
export function parseTemplate(text: string, source = 'manifest template'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ManifestTemplateError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Every placeholder name used in a (parsed) template, sorted and unique. */
export function findPlaceholders(template: unknown): string[] {
  const names = new Set<string>();
  const text = JSON.stringify(template) ?? '';
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names].sort();
}

/**
 * Returns a copy of `template` with every `{{NAME}}` replaced by `values[NAME]`.
 * An array entry that is exactly one placeholder whose value is `''` is dropped
 * (so `"validDomains": ["{{BOT_DOMAIN}}"]` becomes `[]` when no domain is known).
 *
 * @throws ManifestTemplateError naming placeholders that have no value, or if any `{{` remains
 */
export function fillTemplate<T = unknown>(template: unknown, values: Readonly<Record<string, string>>): T {
  const unknownNames = findPlaceholders(template).filter((name) => !Object.hasOwn(values, name));
  if (unknownNames.length > 0) {
    throw new ManifestTemplateError(
      `The manifest template uses placeholders the packager has no value for: ${unknownNames.map((n) => `{{${n}}}`).join(', ')}. ` +
        `Known placeholders: ${Object.keys(values).sort().join(', ')}.`,
    );
  }

  const fill = (node: unknown, path: string): Json => {
    if (typeof node === 'string') return node.replace(PLACEHOLDER, (_m, name: string) => values[name]!);
    if (Array.isArray(node)) {
      const out: Json[] = [];
      node.forEach((item, index) => {
        const whole = typeof item === 'string' ? WHOLE_PLACEHOLDER.exec(item) : null;
        if (whole && values[whole[1]!] === '') return;
        out.push(fill(item, `${path}[${index}]`));
      });
      return out;
    }
    if (node !== null && typeof node === 'object') {
      const out: { [key: string]: Json } = {};
      for (const [key, value] of Object.entries(node)) out[key] = fill(value, path ? `${path}.${key}` : key);
      return out;
    }
    if (node === null || typeof node === 'number' || typeof node === 'boolean') return node;
    throw new ManifestTemplateError(`${path || 'template'} holds a ${typeof node}, which JSON cannot represent.`);
  };

  const filled = fill(template, '');
  const text = JSON.stringify(filled);
  const leftover = text.match(/"[^"]*\{\{[^"]*"/);
  if (leftover) {
    throw new ManifestTemplateError(`The filled manifest still contains "{{" in ${leftover[0]}; a value must not contain "{{".`);
  }
  return filled as T;
}
