/**
 * Builds the Teams app package (`npm run package:teams`).
 *
 *   MicrosoftAppId     required  the bot's Microsoft App ID (GUID)
 *   BOT_DOMAIN         optional  host the bot is served from, e.g. triage-bot.contoso.com (validDomains)
 *   TEAMS_APP_ID       optional  the Teams app's id; default: a stable GUID derived from MicrosoftAppId
 *   TEAMS_APP_VERSION  optional  MAJOR.MINOR.PATCH; default: package.json version
 *   DEVELOPER_NAME, DEVELOPER_WEBSITE_URL, DEVELOPER_PRIVACY_URL, DEVELOPER_TERMS_URL  optional
 *
 * Writes dist/support-triage-bot-teams.zip, or the path given with `--out <file>`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { DEFAULT_OUTPUT_PATH, TeamsPackageError, buildTeamsPackage } from '../src/teams-package/index.js';

function outputPath(argv: readonly string[]): string {
  const i = argv.indexOf('--out');
  if (i === -1) return DEFAULT_OUTPUT_PATH;
  const value = argv[i + 1];
  if (!value) throw new TeamsPackageError('input', 'Usage: package-teams [--out <file.zip>]');
  return resolve(value);
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

try {
  const out = outputPath(process.argv.slice(2));
  const result = await buildTeamsPackage({ env: process.env });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, result.zip);
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  const { inputs } = result;
  console.log(
    [
      `Wrote ${displayPath(out)} (${result.zip.length} bytes)`,
      `  Teams app id ${inputs.teamsAppId}, version ${inputs.appVersion}`,
      `  bot id       ${inputs.microsoftAppId}`,
      `  validDomains ${inputs.botDomain ?? '(none)'}`,
    ].join('\n'),
  );
} catch (error) {
  if (!(error instanceof TeamsPackageError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
