import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  GUID_PATTERN,
  ICON_SIZES,
  ManifestTemplateError,
  PROJECT_ROOT,
  TEMPLATE_DIR,
  TEMPLATE_PATH,
  TeamsPackageInputError,
  buildTeamsManifest,
  buildTeamsPackage,
  buildTeamsZip,
  bundledSchemaPath,
  checkIcons,
  deriveTeamsAppId,
  fillTemplate,
  findPlaceholders,
  parseTemplate,
  readPackageVersion,
  resolveInputs,
  validateManifest,
} from '../src/teams-package/index.js';
import { useCoreOverTeams } from './teams/core-bot.js';
import { ALEX, BOT, cardOf, cardText, post, teamsMessage } from './teams/helpers.js';

const BOT_ID = '2b1f3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ENV = { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'triage-bot.contoso.com' };

type Manifest = Record<string, unknown> & { bots: Record<string, unknown>[] };
const clone = <T>(value: T): T => structuredClone(value);

let manifest: Manifest;

beforeAll(async () => {
  manifest = (await buildTeamsManifest({ env: ENV, packageVersion: '1.2.3' })).manifest as Manifest;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('manifest template', () => {
  it('uses a bundled schema version of at least 1.17, with the matching $schema URL', async () => {
    const template = parseTemplate(await readFile(TEMPLATE_PATH, 'utf8')) as Record<string, string>;
    const version = template.manifestVersion!;
    const [major, minor] = version.split('.').map(Number);
    expect(major === 1 && minor! >= 17).toBe(true);
    expect(existsSync(bundledSchemaPath(version))).toBe(true);
    expect(template.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  });

  it('declares exactly the placeholders the packager fills', async () => {
    const template = parseTemplate(await readFile(TEMPLATE_PATH, 'utf8'));
    expect(findPlaceholders(template)).toEqual([
      'BOT_DOMAIN',
      'DEVELOPER_NAME',
      'DEVELOPER_PRIVACY_URL',
      'DEVELOPER_TERMS_URL',
      'DEVELOPER_WEBSITE_URL',
      'MICROSOFT_APP_ID',
      'TEAMS_APP_ID',
      'TEAMS_APP_VERSION',
    ]);
  });

  it('filled, validates against the bundled schema without touching the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const result = validateManifest(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.schemaFile).toContain(join('node_modules', '@microsoft', 'app-manifest'));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('describes a conversational bot in personal, team and group chat scopes with commands', () => {
    const bot = manifest.bots[0]!;
    expect(bot.botId).toBe(BOT_ID);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    const lists = bot.commandLists as { scopes: string[]; commands: { title: string }[] }[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    const personal = lists.find((l) => l.scopes.includes('personal'))!.commands.map((c) => c.title);
    expect(personal).toEqual(expect.arrayContaining(['help', 'my cases', 'change plan']));
    expect(manifest.validDomains).toEqual(['triage-bot.contoso.com']);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest).not.toHaveProperty('webApplicationInfo');
  });
});

describe('schema validation of a broken manifest', () => {
  it('names the missing bot id', () => {
    const broken = clone(manifest);
    delete broken.bots[0]!.botId;
    const result = validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('bots[0].botId: is required but missing');
  });

  it('names a field of the wrong type', () => {
    const broken = clone(manifest);
    broken.bots[0]!.supportsFiles = 'no';
    broken.bots[0]!.botId = 42;
    const result = validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining(['bots[0].supportsFiles: must be boolean', 'bots[0].botId: must be string']),
    );
  });

  it('names a bot id that is not a GUID, an unknown scope and an unknown property', () => {
    const broken = clone(manifest);
    broken.bots[0]!.botId = 'not-a-guid';
    broken.bots[0]!.scopes = ['personal', 'meeting'];
    broken.colour = '#fff';
    const errors = validateManifest(broken).errors.join('\n');
    expect(errors).toMatch(/^bots\[0\]\.botId: must match/m);
    expect(errors).toMatch(/^bots\[0\]\.scopes\[1\]: must be one of/m);
    expect(errors).toMatch(/^colour: is not allowed here/m);
  });

  it('rejects a manifestVersion with no bundled schema, and a $schema URL for another version', () => {
    expect(validateManifest({ ...manifest, manifestVersion: '9.9' }).errors[0]).toMatch(/^manifestVersion: "9.9" has no schema bundled/);
    const otherSchema = { ...manifest, $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.16/MicrosoftTeams.schema.json' };
    expect(validateManifest(otherSchema).errors).toEqual([expect.stringMatching(/^\$schema: .* does not match manifestVersion/)]);
  });
});

describe('icons', () => {
  const readIcon = async (name: string) => readFile(join(TEMPLATE_DIR, name));

  it('have the sizes Teams requires (color 192x192, outline 32x32)', async () => {
    const color = PNG.sync.read(await readIcon('color.png'));
    const outline = PNG.sync.read(await readIcon('outline.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(ICON_SIZES).toEqual({ color: { width: 192, height: 192 }, outline: { width: 32, height: 32 } });
  });

  it('outline is white on a transparent background, and passes the packager check', async () => {
    const bytes = await readIcon('outline.png');
    const png = PNG.sync.read(bytes);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] === 0) transparent++;
      else if (png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255) white++;
      else throw new Error(`pixel ${i / 4} is visible and not white`);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
    expect(checkIcons({ color: await readIcon('color.png'), outline: bytes })).toEqual([]);
  });

  it('the packager check rejects swapped icons and a coloured outline', async () => {
    const color = await readIcon('color.png');
    const outline = await readIcon('outline.png');
    const problems = checkIcons({ color: outline, outline: color });
    expect(problems).toContain('color icon is 32x32; Teams requires 192x192');
    expect(problems).toContain('outline icon is 192x192; Teams requires 32x32');
    expect(problems.some((p) => p.startsWith('outline icon has') && p.includes('not white'))).toBe(true);
  });
});

describe('zip package', () => {
  it('holds exactly manifest.json, color.png and outline.png at the root, the bot id filled and no {{ left', async () => {
    const { zip } = await buildTeamsPackage({ env: { MicrosoftAppId: BOT_ID } });
    const archive = await JSZip.loadAsync(zip);
    expect(Object.keys(archive.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await archive.file('manifest.json')!.async('string');
    expect(text).not.toContain('{{');
    const packed = JSON.parse(text) as Manifest;
    expect(packed.bots[0]!.botId).toBe(BOT_ID);
    expect(packed.id).toBe(deriveTeamsAppId(BOT_ID));
    expect(packed.version).toBe(await readPackageVersion());
    expect(packed.validDomains).toEqual([]);
    expect(validateManifest(packed).valid).toBe(true);
    const outline = PNG.sync.read(await archive.file('outline.png')!.async('nodebuffer'));
    expect(outline.width).toBe(32);
  });

  it('is byte-identical for identical inputs', async () => {
    const icons = { color: Buffer.from('c'), outline: Buffer.from('o') };
    expect((await buildTeamsZip(manifest, icons)).equals(await buildTeamsZip(manifest, icons))).toBe(true);
  });
});

describe('environment inputs', () => {
  it('missing MicrosoftAppId gives a clear error naming the variable and the fix', async () => {
    const attempt = buildTeamsPackage({ env: { BOT_DOMAIN: 'triage-bot.contoso.com' } });
    await expect(attempt).rejects.toBeInstanceOf(TeamsPackageInputError);
    await expect(attempt).rejects.toThrow(/MicrosoftAppId is not set\. Set it to the bot's Microsoft App ID .*MicrosoftAppId=/);
  });

  it('a blank MicrosoftAppId counts as missing, and a differently-cased variable is pointed out', () => {
    expect(() => resolveInputs({ MicrosoftAppId: '  ' }, '1.0.0')).toThrow(/MicrosoftAppId is not set/);
    expect(() => resolveInputs({ MICROSOFT_APP_ID: BOT_ID }, '1.0.0')).toThrow(/MICROSOFT_APP_ID is set, but the name is case-sensitive/);
  });

  it('reports every bad variable at once', () => {
    let error: TeamsPackageInputError | undefined;
    try {
      resolveInputs(
        { MicrosoftAppId: 'my-bot', TEAMS_APP_ID: 'x', BOT_DOMAIN: 'https://bot.contoso.com/api/messages', DEVELOPER_PRIVACY_URL: 'http://contoso.com/privacy' },
        '0.1.0-beta.1',
      );
    } catch (e) {
      error = e as TeamsPackageInputError;
    }
    expect(error).toBeInstanceOf(TeamsPackageInputError);
    expect(error!.issues.map((i) => i.variable)).toEqual([
      'MicrosoftAppId',
      'TEAMS_APP_ID',
      'TEAMS_APP_VERSION',
      'BOT_DOMAIN',
      'DEVELOPER_PRIVACY_URL',
    ]);
    expect(error!.message).toContain('MicrosoftAppId is "my-bot", which is not a GUID');
    expect(error!.message).toContain('package.json version "0.1.0-beta.1" is not MAJOR.MINOR.PATCH');
    expect(error!.message).toContain('`BOT_DOMAIN=bot.contoso.com`');
  });

  it('TEAMS_APP_ID defaults to a stable GUID derived from MicrosoftAppId; an explicit one wins', () => {
    const derived = deriveTeamsAppId(BOT_ID);
    expect(derived).toMatch(GUID_PATTERN);
    expect(derived).not.toBe(BOT_ID);
    expect(deriveTeamsAppId(BOT_ID.toUpperCase())).toBe(derived);
    expect(deriveTeamsAppId('3b1f3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).not.toBe(derived);
    expect(resolveInputs({ MicrosoftAppId: BOT_ID }, '1.0.0').inputs.teamsAppId).toBe(derived);
    const explicit = '11111111-2222-3333-4444-555555555555';
    expect(resolveInputs({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: explicit }, '1.0.0').inputs.teamsAppId).toBe(explicit);
  });

  it('TEAMS_APP_VERSION overrides the package.json version; defaults and warnings for the rest', () => {
    const { inputs, warnings } = resolveInputs({ MicrosoftAppId: BOT_ID, TEAMS_APP_VERSION: '2.0.1' }, '0.1.0');
    expect(inputs.appVersion).toBe('2.0.1');
    expect(inputs.botDomain).toBeUndefined();
    expect(inputs.developer.privacyUrl).toMatch(/^https:\/\//);
    expect(warnings.some((w) => w.startsWith('BOT_DOMAIN is not set'))).toBe(true);
    const withDomain = resolveInputs({ ...ENV, DEVELOPER_PRIVACY_URL: 'https://contoso.com/privacy' }, '0.1.0').inputs;
    expect(withDomain.developer.websiteUrl).toBe('https://triage-bot.contoso.com/');
    expect(withDomain.developer.privacyUrl).toBe('https://contoso.com/privacy');
  });
});

describe('fillTemplate', () => {
  it('replaces inside strings only, drops an array entry whose placeholder is empty', () => {
    const filled = fillTemplate({ a: 'x-{{A}}', list: ['{{EMPTY}}', 'keep'], n: 1, quote: '{{Q}}' }, { A: '1', EMPTY: '', Q: '"},{' });
    expect(filled).toEqual({ a: 'x-1', list: ['keep'], n: 1, quote: '"},{' });
  });

  it('names a placeholder that has no value', () => {
    expect(() => fillTemplate({ id: '{{NOPE}}' }, { A: '1' })).toThrow(ManifestTemplateError);
    expect(() => fillTemplate({ id: '{{NOPE}}' }, { A: '1' })).toThrow(/\{\{NOPE\}\}/);
  });

  it('refuses a value that would leave "{{" in the manifest', () => {
    expect(() => fillTemplate({ id: '{{A}}' }, { A: '{{B}}' })).toThrow(/still contains "\{\{"/);
  });
});

describe('scripts/package-teams.ts', () => {
  const run = promisify(execFile);
  const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  const script = join(PROJECT_ROOT, 'scripts', 'package-teams.ts');
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'teams-package-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the script with only PATH/HOME from this environment plus `env`. */
  const runScript = (env: Record<string, string>, args: string[]) =>
    run(tsx, [script, ...args], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('exits 1 with the message when MicrosoftAppId is missing, and writes nothing', async () => {
    const out = join(dir, 'missing.zip');
    const { code, stderr } = await runScript({}, ['--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('MicrosoftAppId is not set');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('writes the zip and exits 0 with a valid MicrosoftAppId', async () => {
    const out = join(dir, 'ok.zip');
    const { code, stdout } = await runScript({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'triage-bot.contoso.com' }, ['--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain(BOT_ID);
    const archive = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(archive.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });
});

describe('the commands the manifest advertises, sent as Teams messages to the real core', () => {
  const bot = useCoreOverTeams({ ADMIN_USERS: ALEX.aadObjectId });

  const lists = (): { scopes: string[]; commands: { title: string }[] }[] =>
    (manifest.bots[0]!.commandLists as { scopes: string[]; commands: { title: string }[] }[]);

  it('every command of every scope is answered as a command, never triaged or asked "which service"', async () => {
    const sent: string[] = [];
    for (const list of lists()) {
      for (const { title } of list.commands) {
        const inChannel = !list.scopes.includes('personal');
        const before = bot.connector.calls.length;
        const activity = teamsMessage({
          serviceUrl: bot.connector.url,
          conversationId: `${inChannel ? '19:channel' : 'a:personal'}-${title.replace(/\s/g, '-')}`,
          ...(inChannel
            ? {
                conversationType: 'channel' as const,
                text: `<at>${BOT.name}</at> ${title}`,
                entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
              }
            : { text: title }),
        });
        expect((await post(bot.server.url, activity)).status).toBe(200);
        const text = bot.connector.calls.slice(before).map((call) => cardText(cardOf(call))).join('\n');
        expect(text, title).not.toMatch(/Which service is this about|card has expired|Which of these fits best/);
        expect(text, title).not.toMatch(/Not quite/);
        expect(text.length, title).toBeGreaterThan(0);
        sent.push(title);
      }
    }
    expect(sent).toEqual(expect.arrayContaining(['help', 'new case', 'my cases', 'change plan']));
  });

  it('"new case" asks for the problem, and the next message is triaged', async () => {
    const conversationId = 'a:personal-new-case-flow';
    const before = bot.connector.calls.length;
    await post(bot.server.url, teamsMessage({ serviceUrl: bot.connector.url, conversationId, text: 'new case' }));
    expect(cardText(cardOf(bot.connector.calls[before]))).toMatch(/Describe the problem/);
    await post(bot.server.url, teamsMessage({ serviceUrl: bot.connector.url, conversationId, text: 'All users cannot send email since this morning' }));
    const after = bot.connector.calls.slice(before + 1).map((call) => cardText(cardOf(call))).join('\n');
    expect(after).toMatch(/Which Office 365 plan/);
  });
});
