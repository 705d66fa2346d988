/**
 * vitest globalSetup: one PostgreSQL cluster for the whole run, its port provided to the test
 * files (`inject('postgres')`); each test creates its own database (`database.ts`). Without the
 * binaries the PostgreSQL suites skip with the reason printed, except under CI=true, where the
 * run fails: CI must never pass by silently testing SQLite only.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startCluster } from './cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { readonly port: number } | { readonly skip: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = findPostgresBin();
  if (!bin) {
    const reason = 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)';
    if (process.env.CI === 'true') throw new Error(`${reason}. CI=true requires the PostgreSQL store suites to run.`);
    process.stderr.write(`\n[postgres] SKIPPING the PostgreSQL store suites: ${reason}\n\n`);
    project.provide('postgres', { skip: reason });
    return () => {};
  }
  const cluster = await startCluster(bin);
  process.stderr.write(`[postgres] test cluster on 127.0.0.1:${cluster.port}, started in ${Math.round(cluster.startMs)} ms\n`);
  project.provide('postgres', { port: cluster.port });
  return () => cluster.stop();
}
