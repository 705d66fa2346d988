/**
 * Validates a Teams manifest against the JSON schema bundled in `@microsoft/app-manifest`
 * (offline: the `$schema` URL is never fetched). Teams schemas are draft-04, hence ajv-draft-04.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import { ManifestValidationError } from './errors.js';

// CommonJS packages: under Node ESM the default import is module.exports, which both packages
// also expose as `.default`; TypeScript (NodeNext) types the default import as the namespace.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

const require = createRequire(import.meta.url);

/** Folder holding `vX.Y/MicrosoftTeams.schema.json`. */
export function bundledSchemaRoot(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

/** Manifest versions with a bundled schema, e.g. ["1.0", ..., "1.30"]. */
export function bundledManifestVersions(): string[] {
  return readdirSync(bundledSchemaRoot())
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export function bundledSchemaPath(manifestVersion: string): string {
  return join(bundledSchemaRoot(), `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/** Some published schemas use `\a` in patterns, which is not valid in a unicode RegExp. */
function fixPatterns(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(fixPatterns);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'pattern' && typeof value === 'string') record[key] = value.replace(/(?<!\\)\\a/g, '\\x07');
      else fixPatterns(value);
    }
  }
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(manifestVersion: string): ValidateFunction {
  let validate = validators.get(manifestVersion);
  if (!validate) {
    const schema = JSON.parse(readFileSync(bundledSchemaPath(manifestVersion), 'utf8')) as Record<string, unknown>;
    fixPatterns(schema);
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(schema);
    validators.set(manifestVersion, validate);
  }
  return validate;
}

/** "/bots/0/botId" -> "bots[0].botId"; "" -> "(manifest root)". */
export function pointerToPath(pointer: string, child?: string): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (child !== undefined) parts.push(child);
  let path = '';
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : path === '' ? part : `.${part}`;
  return path === '' ? '(manifest root)' : path;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${pointerToPath(error.instancePath, String(params.missingProperty))}: is required but missing`;
    case 'additionalProperties':
      return `${pointerToPath(error.instancePath, String(params.additionalProperty))}: is not allowed here (unknown property)`;
    case 'enum':
      return `${pointerToPath(error.instancePath)}: must be one of ${JSON.stringify(params.allowedValues)}`;
    case 'const':
      return `${pointerToPath(error.instancePath)}: must be ${JSON.stringify(params.allowedValue)}`;
    case 'pattern':
      return `${pointerToPath(error.instancePath)}: must match ${String(params.pattern)}`;
    default:
      return `${pointerToPath(error.instancePath)}: ${error.message ?? error.keyword}`;
  }
}

export interface ManifestValidationResult {
  readonly valid: boolean;
  /** One line per problem, each starting with the field path, e.g. "bots[0].botId: is required but missing". */
  readonly errors: readonly string[];
  /** The schema file used, when one was found. */
  readonly schemaFile?: string;
}

/** Validates against the bundled schema of the manifest's own `manifestVersion`. */
export function validateManifest(manifest: unknown): ManifestValidationResult {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return { valid: false, errors: ['(manifest root): must be a JSON object'] };
  }
  const { manifestVersion, $schema } = manifest as Record<string, unknown>;
  if (typeof manifestVersion !== 'string') {
    return { valid: false, errors: ['manifestVersion: is required and must be a string such as "1.20"'] };
  }
  const available = bundledManifestVersions();
  if (!available.includes(manifestVersion)) {
    return {
      valid: false,
      errors: [`manifestVersion: "${manifestVersion}" has no schema bundled in @microsoft/app-manifest (available: ${available.join(', ')})`],
    };
  }

  const schemaFile = bundledSchemaPath(manifestVersion);
  const validate = validatorFor(manifestVersion);
  const errors = validate(manifest) ? [] : [...new Set((validate.errors ?? []).map(describe))];
  if (typeof $schema === 'string' && !$schema.includes(`/teams/v${manifestVersion}/`)) {
    errors.push(`$schema: "${$schema}" does not match manifestVersion ${manifestVersion}`);
  }
  return { valid: errors.length === 0, errors, schemaFile };
}

/** @throws ManifestValidationError listing every problem */
export function assertValidManifest(manifest: unknown): void {
  const result = validateManifest(manifest);
  if (!result.valid) throw new ManifestValidationError(result.errors, result.schemaFile ?? 'the bundled Teams schema');
}
