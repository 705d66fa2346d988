/** How the process stops: one clear line and exit code 1 for what prevents a start, an orderly close on SIGTERM/SIGINT. */
import type { Logger } from 'pino';

/** Says what prevents the start, on stderr, and exits with 1. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** One clear line for what stops `listen`: a port in use or not allowed, instead of a stack trace. */
export function listenFailure(error: unknown, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `PORT ${port} is already in use by another program (another bot still running?). Stop it, or start on another port: PORT=${port + 1} npm start`;
  if (code === 'EACCES') return `PORT ${port} may not be opened by this user (ports below 1024 need privileges). Use a port such as 3978: PORT=3978 npm start`;
  return undefined;
}

/**
 * On SIGTERM/SIGINT: runs `steps` in order (stop accepting, close channels, the desk, the outbox,
 * the store), then exits 0; 1 if a step fails or requests still run after 10 s.
 */
export function stopOnSignals(logger: Logger, steps: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const forced = setTimeout(() => {
      logger.error('requests still running after 10 s; exiting anyway');
      process.exit(1);
    }, 10_000);
    forced.unref();
    try {
      await steps();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}
