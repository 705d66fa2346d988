/** Bolt's and the WebClient's log lines through pino. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]): string => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  // Bolt and the WebClient log several debug lines per request, some holding whole request
  // bodies: the line is only built when pino would write it.
  const at = (name: 'debug' | 'info' | 'warn' | 'error') => (...m: unknown[]) => {
    if (logger.isLevelEnabled(name)) logger[name](line(m));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
