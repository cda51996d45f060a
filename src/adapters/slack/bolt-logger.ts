import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../flows/ports/index.js';

/** Where a library's debug line turns from words into data: `label: …`, `{…}`, `[…]`, `(body: …)`. */
const PAYLOAD = /[:{[]|\(body/;

/**
 * Slack's Web API client and Bolt write whole request and response bodies at debug ("http request
 * body: {…}", "http request result: {…}", "ack() … (body: …)", a developer-mode event dump):
 * mail subjects, senders and profile emails among them. Their debug lines keep only the words
 * before the payload, so a debug log still shows what happened, never what it carried; a line
 * that is nothing but payload is dropped.
 */
export function withoutPayload(text: string): string | undefined {
  const at = text.search(PAYLOAD);
  if (at === -1) return text;
  const words = text.slice(0, at).trim();
  return words === '' ? undefined : `${words} [payload omitted]`;
}

const RANK: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/** Bolt's own log lines, and those of every Slack client built with this logger, go through our redacting logger too. */
export function boltLogger(log: Logger, level: LogLevel): BoltLogger {
  let current = level;
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  // Bolt logs at debug several times per request, payloads included: below the level, nothing is
  // formatted at all (JSON.stringify of a payload per ack was measurable in the ack's CPU).
  const on = (l: LogLevel) => RANK[l] >= RANK[current];
  return {
    debug: (...args: unknown[]) => {
      if (!on(LogLevel.DEBUG)) return;
      const line = withoutPayload(text(args));
      if (line !== undefined) log.debug(line, { source: 'bolt' });
    },
    info: (...args: unknown[]) => {
      if (on(LogLevel.INFO)) log.info(text(args), { source: 'bolt' });
    },
    warn: (...args: unknown[]) => {
      if (on(LogLevel.WARN)) log.warn(text(args), { source: 'bolt' });
    },
    error: (...args: unknown[]) => log.error(text(args), { source: 'bolt' }),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => undefined,
  };
}
