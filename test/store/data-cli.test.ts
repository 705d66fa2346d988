/**
 * `npm run data -- purge-tenant` through the real CLI process, on SQLite and PostgreSQL: a dry run
 * deletes nothing, the purge deletes one tenant's data and nothing of another, and bad input or an
 * unreachable store is one clear line.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newCase, tempDataDir } from './helpers.js';
import { STORE_KINDS, type TestDatabase } from './kinds.js';

const root = new URL('../..', import.meta.url).pathname;

function data(args: readonly string[], env: Readonly<Record<string, string>>, cwd = tempDataDir()): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/cli/data.ts'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function seed(db: TestDatabase): Promise<void> {
  const store = await db.openUnmanaged({ outboxTargets: ['support-desk'] });
  try {
    for (const tenant of ['contoso', 'fabrikam']) {
      for (let i = 0; i < 3; i++) await store.createCase(newCase({ tenantId: tenant }), `${tenant}-${i}`);
      await store.setTenantPlan(tenant, 'E5');
      await store.setConversationState(`conversation:msteams:${tenant}:19:chat`, { lang: 'en' });
    }
  } finally {
    await store.close();
  }
}

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`npm run data -- purge-tenant on ${kind.name}`, () => {
  it('--dry-run prints what it would delete and deletes nothing; then the purge deletes that tenant only', async () => {
    const db = await kind.database();
    await seed(db);

    const dry = await data(['purge-tenant', 'contoso', '--dry-run'], db.env);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toMatch(/purge-tenant contoso .*would delete 3 cases, 3 audit entries, 3 outbox rows, 1 tenant settings, 1 conversation states/);
    const store = await db.open();
    expect(await store.listCases('contoso')).toHaveLength(3);

    const purge = await data(['purge-tenant', 'contoso'], db.env);
    expect(purge.code).toBe(0);
    expect(purge.stdout).toMatch(/deleted 3 cases, 3 audit entries, 3 outbox rows, 1 tenant settings, 1 conversation states/);
    expect(await store.listCases('contoso')).toEqual([]);
    expect(await store.getTenantSettings('contoso')).toBeUndefined();
    expect(await store.getConversationState('conversation:msteams:contoso:19:chat')).toBeUndefined();
    expect(await store.listCases('fabrikam')).toHaveLength(3);
    expect(await store.getTenantSettings('fabrikam')).toBeDefined();
  });

  it('a missing tenant argument is one usage line (exit 2), and nothing is deleted', async () => {
    const db = await kind.database();
    await seed(db);
    const run = await data(['purge-tenant'], db.env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^the tenant id is missing .*usage: npm run data -- purge-tenant TENANT \[--dry-run\]$/)]);
    expect(await (await db.open()).listCases('contoso')).toHaveLength(3);
  });
});

describe('npm run data -- purge-tenant without a store', () => {
  it('an unreachable PostgreSQL is one line naming DATABASE_URL (exit 1)', async () => {
    const run = await data(['purge-tenant', 'contoso'], { DATABASE_URL: 'postgres://bot@127.0.0.1:1/support' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^purge-tenant: the store could not be reached \(DATABASE_URL 127\.0\.0\.1:1\/support\): .*ECONNREFUSED/)]);
  });

  it('a DATA_DIR without a store is refused rather than created (exit 1)', async () => {
    const dir = join(tempDataDir(), 'nothing-here');
    const run = await data(['purge-tenant', 'contoso'], { DATA_DIR: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^purge-tenant: there is no case store at .*nothing-here\/support-bot\.sqlite \(DATA_DIR /);
  });
});
