/**
 * Liveness for `GET /healthz`: named checks of what lives in the process (rules, card templates),
 * each true when its part is loaded. Nothing outside the process (the store is `/readyz`'s).
 */

export type HealthCheck = () => boolean | Promise<boolean>;

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly checks: Readonly<Record<string, 'ok' | 'unavailable'>>;
}

/** Runs every check (a throwing or slow check counts as unavailable) and reports them all. */
export async function runHealthChecks(
  checks: Readonly<Record<string, HealthCheck>>,
  timeoutMs = 2_000,
): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        });
        const ok = await Promise.race([Promise.resolve().then(check), timeout]);
        return [name, ok === true ? 'ok' : 'unavailable'] as const;
      } catch {
        return [name, 'unavailable'] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const all = Object.fromEntries(entries);
  const status = entries.length > 0 && entries.every(([, state]) => state === 'ok') ? 'ok' : 'unavailable';
  return { status, checks: all };
}
