import { App, HTTPReceiver, LogLevel, type Logger } from '@slack/bolt';

/**
 * What the bench's own Bolt apps (bare-bolt-app.ts, floor-app.ts) share with each other and with
 * the bot: the same Bolt and the same HTTPReceiver settings as src/adapters/slack/build-app.ts
 * (single workspace, bot token, /slack/events, custom /healthz, processBeforeResponse false,
 * warn-level logger), started on PORT and stopped cleanly on SIGTERM or SIGINT.
 */
export const need = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${process.argv[1] ?? 'bench app'}: ${name} is required`);
  return v;
};

// Warnings and errors to stderr, as the bot's logger at LOG_LEVEL=warn; nothing below that.
const line = (level: string, args: unknown[]): void => void process.stderr.write(`${level} ${args.map(String).join(' ')}\n`);
export const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (...args: unknown[]) => line('warn', args),
  error: (...args: unknown[]) => line('error', args),
  setLevel: () => undefined,
  getLevel: () => LogLevel.WARN,
  setName: () => undefined,
};

export function boltApp(): App {
  const receiver = new HTTPReceiver({
    signingSecret: need('SLACK_SIGNING_SECRET'),
    endpoints: '/slack/events',
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: true }));
        },
      },
    ],
    processBeforeResponse: false,
    logger,
  });
  return new App({ receiver, logger, clientOptions: { slackApiUrl: need('SLACK_API_URL') }, token: need('SLACK_BOT_TOKEN') });
}

/** Starts `app` on PORT; SIGTERM or SIGINT stops it and exits 0 (1 if stopping failed). */
export async function serve(app: App): Promise<void> {
  await app.start(Number(need('PORT')));
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      app.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
