import { config as loadDotenv } from 'dotenv';
import { loggerFor, startBot, type RunningBot } from './bot.js';
import { ConfigError, loadConfig, type Config } from './config.js';

/** However a stop goes, the process is gone this long after the signal (the stop itself is bounded below it). */
const EXIT_DEADLINE_MS = 20_000;

loadDotenv({ quiet: true });

let config: Config;
try {
  config = loadConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`${e.message}\nSee .env.example for every variable.\n`);
  process.exit(1);
}

const log = loggerFor(config);
const describe = (e: unknown) => (e instanceof Error ? { error: `${e.name}: ${e.message}`, stack: e.stack } : { error: String(e) });
// A rejection nobody handled is a promise nobody awaited: in practice a library's fire-and-forget
// work for one request (Bolt's receiver, its eager auth.test). The rest of the process is sound,
// so it is logged and everyone else keeps being served; exiting would turn one bad request into
// an outage, again on each of Slack's retries.
process.on('unhandledRejection', (reason) => log.error('unhandled rejection; carrying on', describe(reason)));
// An uncaught exception unwound a stack at a point nobody chose and may have left state half
// changed: it is logged and the process exits non-zero for its supervisor to start a fresh one.
process.on('uncaughtException', (e) => {
  log.error('uncaught exception; exiting', describe(e));
  process.exit(1);
});
let bot: RunningBot;
try {
  bot = await startBot(config);
} catch (e) {
  // The message names what failed: a store out of reach names DATABASE_URL's host, never its password.
  log.error('could not start', { error: e instanceof Error ? e.message : String(e) });
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    setTimeout(() => {
      log.error('did not stop in time; exiting anyway', { afterMs: EXIT_DEADLINE_MS });
      process.exit(1);
    }, EXIT_DEADLINE_MS).unref();
    bot.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error('stop failed', { error: e instanceof Error ? e.message : String(e) });
        process.exit(1);
      },
    );
  });
}
