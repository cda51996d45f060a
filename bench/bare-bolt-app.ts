import { App, HTTPReceiver, LogLevel, type Logger } from '@slack/bolt';

/**
 * The floor the bot's acks are compared with: the same Bolt, the same HTTPReceiver settings as
 * src/adapters/slack/build-app.ts (single workspace, bot token, /slack/events, custom /healthz,
 * processBeforeResponse false, warn-level logger), and a /schedule that only acks. Compiled by
 * bench/tsconfig.bare.json and run as `node dist/bench/bare-bolt-app.js`, like `node dist/main.js`.
 */
const need = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`bare-bolt-app: ${name} is required`);
  return v;
};

// Warnings and errors to stderr, as the bot's logger at LOG_LEVEL=warn; nothing below that.
const line = (level: string, args: unknown[]): void => void process.stderr.write(`${level} ${args.map(String).join(' ')}\n`);
const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (...args: unknown[]) => line('warn', args),
  error: (...args: unknown[]) => line('error', args),
  setLevel: () => undefined,
  getLevel: () => LogLevel.WARN,
  setName: () => undefined,
};
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
const app = new App({ receiver, logger, clientOptions: { slackApiUrl: need('SLACK_API_URL') }, token: need('SLACK_BOT_TOKEN') });
app.command('/schedule', async ({ ack }) => {
  await ack();
});

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
