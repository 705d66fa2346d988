/**
 * Turns environment variables into the values the manifest template needs, checking each one
 * and collecting every problem before failing, so one run tells the user everything to fix.
 */
import { createHash } from 'node:crypto';
import { TeamsPackageInputError, type InputIssue } from './errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface TeamsPackageInputs {
  /** The bot's Microsoft App ID (Azure Bot registration); the manifest's `bots[0].botId`. */
  readonly microsoftAppId: string;
  /** The Teams app's own id (`id`). */
  readonly teamsAppId: string;
  /** MAJOR.MINOR.PATCH (`version`). */
  readonly appVersion: string;
  /** Host name the bot is served from (`validDomains`), when known. */
  readonly botDomain: string | undefined;
  readonly developer: {
    readonly name: string;
    readonly websiteUrl: string;
    readonly privacyUrl: string;
    readonly termsOfUseUrl: string;
  };
}

export interface ResolvedInputs {
  readonly inputs: TeamsPackageInputs;
  /** Defaults the user may want to override before publishing; not errors. */
  readonly warnings: readonly string[];
}

export const GUID_PATTERN = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** What Teams accepts as an app version: no pre-release or build suffix. */
export const TEAMS_VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Namespace for deriving the Teams app id from the bot id; never change it (ids would move). */
const TEAMS_APP_ID_NAMESPACE = '66db61cd-99c6-4c35-a4dc-cbeac26e8d49';
/** Used for the developer URLs when neither they nor BOT_DOMAIN are given. */
const PLACEHOLDER_SITE = 'https://example.com/support-triage-bot';
const DEFAULT_DEVELOPER_NAME = 'Support Triage Bot';
const EXAMPLE_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * A stable GUID for the Teams app, derived from the bot's app id (UUID version 5, RFC 9562), so
 * rebuilding the package for the same bot keeps the same Teams app and updates it in place.
 */
export function deriveTeamsAppId(microsoftAppId: string): string {
  const namespace = Buffer.from(TEAMS_APP_ID_NAMESPACE.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(microsoftAppId.toLowerCase(), 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Reads a variable; blank counts as unset. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

type DeveloperUrlVariable = 'DEVELOPER_WEBSITE_URL' | 'DEVELOPER_PRIVACY_URL' | 'DEVELOPER_TERMS_URL';

/** MicrosoftAppId: required, a GUID (a misspelt variable name is pointed out). */
function readMicrosoftAppId(env: Env, issues: InputIssue[]): string | undefined {
  const microsoftAppId = read(env, 'MicrosoftAppId');
  if (microsoftAppId === undefined) {
    const misspelt = Object.keys(env).find(
      (k) => k !== 'MicrosoftAppId' && k.replaceAll('_', '').toLowerCase() === 'microsoftappid' && read(env, k),
    );
    issues.push({
      variable: 'MicrosoftAppId',
      problem: 'is not set' + (misspelt ? ` (${misspelt} is set, but the name is case-sensitive)` : ''),
      fix:
        "Set it to the bot's Microsoft App ID (Azure Bot resource > Configuration > Microsoft App ID), " +
        `e.g. \`MicrosoftAppId=${EXAMPLE_GUID} npm run package:teams\`.`,
    });
  } else if (!GUID_PATTERN.test(microsoftAppId)) {
    issues.push({
      variable: 'MicrosoftAppId',
      problem: `is "${microsoftAppId}", which is not a GUID`,
      fix: `Use the bot's Microsoft App ID, a GUID like ${EXAMPLE_GUID} (not the app password or the bot's name).`,
    });
  }
  return microsoftAppId;
}

/** The developer URLs Teams requires: https, defaulted from BOT_DOMAIN with a warning. */
function developerUrls(env: Env, botDomain: string | undefined, issues: InputIssue[], warnings: string[]): Record<DeveloperUrlVariable, string> {
  const site = botDomain !== undefined && HOST_PATTERN.test(botDomain) ? `https://${botDomain}` : PLACEHOLDER_SITE;
  const urlDefaults = {
    DEVELOPER_WEBSITE_URL: `${site}/`,
    DEVELOPER_PRIVACY_URL: `${site}/privacy`,
    DEVELOPER_TERMS_URL: `${site}/terms`,
  } as const;
  const urls = {} as Record<DeveloperUrlVariable, string>;
  const defaulted: string[] = [];
  for (const [name, fallback] of Object.entries(urlDefaults) as [keyof typeof urlDefaults, string][]) {
    const value = read(env, name);
    if (value === undefined) {
      defaulted.push(`${name}=${fallback}`);
      urls[name] = fallback;
    } else if (!isHttpsUrl(value)) {
      issues.push({
        variable: name,
        problem: `is "${value}", which is not an https:// URL`,
        fix: `Teams requires https URLs for developer information, e.g. \`${name}=${fallback}\`.`,
      });
      urls[name] = value;
    } else {
      urls[name] = value;
    }
  }
  if (defaulted.length > 0) {
    warnings.push(
      `Developer URLs defaulted (${defaulted.join(', ')}); make sure these pages exist, or set the variables, ` +
        "before publishing the app to your organization's catalog.",
    );
  }
  return urls;
}

/**
 * @param env usually `process.env`
 * @param packageVersion the `version` of package.json, the default for TEAMS_APP_VERSION
 * @throws TeamsPackageInputError listing every bad or missing variable
 */
export function resolveInputs(env: Env, packageVersion: string): ResolvedInputs {
  const issues: InputIssue[] = [];
  const warnings: string[] = [];

  const microsoftAppId = readMicrosoftAppId(env, issues);

  // TEAMS_APP_ID: optional GUID; default derived from the bot id.
  const explicitTeamsAppId = read(env, 'TEAMS_APP_ID');
  if (explicitTeamsAppId !== undefined && !GUID_PATTERN.test(explicitTeamsAppId)) {
    issues.push({
      variable: 'TEAMS_APP_ID',
      problem: `is "${explicitTeamsAppId}", which is not a GUID`,
      fix: 'Use a GUID (e.g. from `node -e "console.log(crypto.randomUUID())"`), or unset it to derive a stable one from MicrosoftAppId.',
    });
  }

  // TEAMS_APP_VERSION: optional; default package.json version. Teams wants plain MAJOR.MINOR.PATCH.
  const explicitVersion = read(env, 'TEAMS_APP_VERSION');
  const appVersion = explicitVersion ?? packageVersion;
  if (!TEAMS_VERSION_PATTERN.test(appVersion)) {
    issues.push({
      variable: 'TEAMS_APP_VERSION',
      problem:
        explicitVersion !== undefined
          ? `is "${explicitVersion}", which is not MAJOR.MINOR.PATCH`
          : `is not set and the package.json version "${packageVersion}" is not MAJOR.MINOR.PATCH`,
      fix: 'Teams accepts only plain versions such as 1.4.0 (no pre-release suffix); set e.g. `TEAMS_APP_VERSION=1.4.0`.',
    });
  }

  // BOT_DOMAIN: optional host name.
  const botDomain = read(env, 'BOT_DOMAIN');
  if (botDomain !== undefined && !HOST_PATTERN.test(botDomain)) {
    let suggestion = '';
    try {
      suggestion = ` \`BOT_DOMAIN=${new URL(botDomain).hostname}\``;
    } catch {
      // not a URL either; no suggestion
    }
    issues.push({
      variable: 'BOT_DOMAIN',
      problem: `is "${botDomain}", which is not a host name`,
      fix: `Give only the host the bot is served from, without scheme, port or path, e.g.${suggestion || ' `BOT_DOMAIN=triage-bot.contoso.com`'}.`,
    });
  }
  if (botDomain === undefined) {
    warnings.push('BOT_DOMAIN is not set: validDomains is left empty. Set BOT_DOMAIN to the host the bot is served from.');
  }

  // Developer info.
  const developerName = read(env, 'DEVELOPER_NAME') ?? DEFAULT_DEVELOPER_NAME;
  if (developerName.length > 32) {
    issues.push({
      variable: 'DEVELOPER_NAME',
      problem: `is ${developerName.length} characters long`,
      fix: 'Teams allows at most 32 characters; use a shorter organization name.',
    });
  }
  const urls = developerUrls(env, botDomain, issues, warnings);

  if (issues.length > 0 || microsoftAppId === undefined) throw new TeamsPackageInputError(issues);

  return {
    inputs: {
      microsoftAppId,
      teamsAppId: explicitTeamsAppId ?? deriveTeamsAppId(microsoftAppId),
      appVersion,
      botDomain,
      developer: {
        name: developerName,
        websiteUrl: urls.DEVELOPER_WEBSITE_URL,
        privacyUrl: urls.DEVELOPER_PRIVACY_URL,
        termsOfUseUrl: urls.DEVELOPER_TERMS_URL,
      },
    },
    warnings,
  };
}

/** The `{{NAME}}` values for manifest.template.json. An empty value drops its array entry. */
export function placeholderValues(inputs: TeamsPackageInputs): Record<string, string> {
  return {
    MICROSOFT_APP_ID: inputs.microsoftAppId,
    TEAMS_APP_ID: inputs.teamsAppId,
    TEAMS_APP_VERSION: inputs.appVersion,
    BOT_DOMAIN: inputs.botDomain ?? '',
    DEVELOPER_NAME: inputs.developer.name,
    DEVELOPER_WEBSITE_URL: inputs.developer.websiteUrl,
    DEVELOPER_PRIVACY_URL: inputs.developer.privacyUrl,
    DEVELOPER_TERMS_URL: inputs.developer.termsOfUseUrl,
  };
}
