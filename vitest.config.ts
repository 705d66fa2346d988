import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The process/browser suite: spawned bot processes (`npm start`-style, the compiled build, the
 * terminal chat), Chromium, and the store suites that run against a throwaway PostgreSQL cluster.
 * Everything else (unit and in-process HTTP tests) is the fast suite. `npm test` runs all three projects.
 */
const PROCESS_SUITE = [
  'test/faults/**/*.test.ts',
  'test/startup/**/*.test.ts',
  'test/build/**/*.test.ts',
  'test/cli/chat.test.ts',
  'test/teams/startup.test.ts',
  'test/hostile/*.process.test.ts',
  'test/**/browser.test.ts',
  'test/store/contract-*.test.ts',
  'test/store/postgres-specific.test.ts',
  'test/store/data-cli.test.ts',
  'test/store/sqlite-durability.test.ts',
  'test/observability/http.test.ts',
  'test/multi-instance/**/*.test.ts',
  'test/support-desk/sla-due.test.ts',
  'test/handoff/one-card.test.ts',
  'test/handoff/outbox.test.ts',
];

/**
 * Test files that only call pure code (triage, the domain rules, card templates): no servers, no
 * stores, no environment changes, no mocks, no module-level hooks in their helpers. They run with
 * `isolate: false`, so one worker imports the modules and compiles the rules once
 * (test/support/rules.ts) for all of them instead of once per file. A file that needs any of the
 * things above belongs in the isolated project instead.
 */
const SHARED_SUITE = ['test/triage/**/*.test.ts', 'test/domain/**/*.test.ts', 'test/cards/**/*.test.ts'];

/**
 * Workers for the fast projects. vitest's default is one less than the CPUs: one worker on CI's
 * 2-CPU machine, where the fast suite took ~330 s on one worker and 202 s on two (quiet machine,
 * all green). So CI (CI=true) runs them on every CPU; elsewhere the default stands, because the
 * development machine is shared and never quiet. The process suite runs after them in a group of
 * its own on the default: its spawned bots, Chromium and PostgreSQL need the other CPU.
 */
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const FAST_WORKERS = IN_CI ? Math.max(2, availableParallelism()) : undefined;

export default defineConfig({
  test: {
    testTimeout: 20_000,
    env: { DOTENV_CONFIG_QUIET: 'true' },
    // `npm run test:fast` runs both fast projects (`--project 'fast-*'`).
    projects: [
      { extends: true, test: { name: 'fast-shared', include: SHARED_SUITE, isolate: false, maxWorkers: FAST_WORKERS } },
      { extends: true, test: { name: 'fast-isolated', include: ['test/**/*.test.ts'], exclude: [...PROCESS_SUITE, ...SHARED_SUITE], maxWorkers: FAST_WORKERS } },
      // One throwaway PostgreSQL cluster per run for the store suites (test/postgres/).
      { extends: true, test: { name: 'process', include: PROCESS_SUITE, globalSetup: ['test/postgres/global-setup.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
