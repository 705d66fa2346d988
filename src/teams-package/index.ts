/**
 * Teams app packaging: environment -> filled manifest -> schema check -> zip.
 * `scripts/package-teams.ts` is a thin wrapper around `buildTeamsPackage`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { assertValidIcons, type TeamsIcons } from './icons.js';
import { placeholderValues, resolveInputs, type Env, type TeamsPackageInputs } from './inputs.js';
import { fillTemplate, parseTemplate } from './template.js';
import { assertValidManifest } from './validate.js';
import { buildTeamsZip } from './zip.js';

export * from './errors.js';
export * from './icons.js';
export * from './inputs.js';
export * from './template.js';
export * from './validate.js';
export * from './zip.js';

/** The repository root (the folder holding package.json; see src/paths.ts). */
export { PROJECT_ROOT };
export const TEMPLATE_DIR = join(PROJECT_ROOT, 'manifest', 'teams');
export const TEMPLATE_PATH = join(TEMPLATE_DIR, 'manifest.template.json');
export const DEFAULT_OUTPUT_PATH = join(PROJECT_ROOT, 'dist', 'support-triage-bot-teams.zip');

export interface BuildTeamsPackageOptions {
  /** Usually `process.env`. */
  readonly env: Env;
  /** Defaults to the version in package.json. */
  readonly packageVersion?: string;
  /** Directory holding manifest.template.json and the icons; defaults to manifest/teams. */
  readonly templateDir?: string;
}

export interface TeamsPackage {
  readonly zip: Buffer;
  readonly manifest: Record<string, unknown>;
  readonly inputs: TeamsPackageInputs;
  readonly warnings: readonly string[];
}

export async function readPackageVersion(root = PROJECT_ROOT): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '';
}

/** Fills and validates the template without reading icons or zipping. */
export async function buildTeamsManifest(
  options: BuildTeamsPackageOptions,
): Promise<{ manifest: Record<string, unknown>; inputs: TeamsPackageInputs; warnings: readonly string[] }> {
  const { inputs, warnings } = resolveInputs(options.env, options.packageVersion ?? (await readPackageVersion()));
  const dir = options.templateDir ?? TEMPLATE_DIR;
  const templatePath = join(dir, 'manifest.template.json');
  const template = parseTemplate(await readFile(templatePath, 'utf8'), templatePath);
  const manifest = fillTemplate<Record<string, unknown>>(template, placeholderValues(inputs));
  assertValidManifest(manifest);
  return { manifest, inputs, warnings };
}

export async function readTemplateIcons(manifest: Record<string, unknown>, templateDir = TEMPLATE_DIR): Promise<TeamsIcons> {
  const names = manifest.icons as { color: string; outline: string };
  const [color, outline] = await Promise.all([readFile(join(templateDir, names.color)), readFile(join(templateDir, names.outline))]);
  return { color, outline };
}

/** The whole pipeline; throws a TeamsPackageError with a user-facing message on bad input. */
export async function buildTeamsPackage(options: BuildTeamsPackageOptions): Promise<TeamsPackage> {
  const { manifest, inputs, warnings } = await buildTeamsManifest(options);
  const icons = await readTemplateIcons(manifest, options.templateDir);
  assertValidIcons(icons);
  const zip = await buildTeamsZip(manifest, icons);
  return { zip, manifest, inputs, warnings };
}
