import type { Logger } from './flows/ports/index.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * Patterns of credentials that might reach a message by way of an error from a library: Google
 * and Slack tokens, bearer headers, and anything a caller named as secret.
 */
const CREDENTIALS = [/ya29\.[\w.-]+/g, /1\/\/[\w.-]{10,}/g, /xox[abposr]-[\w-]+/g, /xapp-[\w-]+/g, /Bearer\s+[\w.~+/-]+=*/gi];

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join('[redacted]');
  for (const pattern of CREDENTIALS) out = out.replace(pattern, '[redacted]');
  return out;
}

/** One JSON line per entry; every line is redacted on its way out, whatever it carries. */
export function jsonLogger(opts: { level: LogLevel; secrets?: readonly string[]; write?: (line: string) => void }): Logger {
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const at =
    (level: LogLevel) =>
    (msg: string, ctx: Record<string, unknown> = {}) => {
      if (LEVELS[level] < LEVELS[opts.level]) return;
      const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...ctx }, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v));
      write(redact(line, opts.secrets));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
