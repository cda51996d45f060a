import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../flows/ports/index.js';

/** Bolt's own log lines go through our redacting logger too. */
export function boltLogger(log: Logger, level: LogLevel): BoltLogger {
  let current = level;
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return {
    debug: (...args: unknown[]) => log.debug(text(args), { source: 'bolt' }),
    info: (...args: unknown[]) => log.info(text(args), { source: 'bolt' }),
    warn: (...args: unknown[]) => log.warn(text(args), { source: 'bolt' }),
    error: (...args: unknown[]) => log.error(text(args), { source: 'bolt' }),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => undefined,
  };
}
