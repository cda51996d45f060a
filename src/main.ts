import { config as loadDotenv } from 'dotenv';
import { startBot } from './bot.js';
import { ConfigError, loadConfig, type Config } from './config.js';

loadDotenv({ quiet: true });

let config: Config;
try {
  config = loadConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`${e.message}\nSee .env.example for every variable.\n`);
  process.exit(1);
}

const bot = await startBot(config);
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    bot.log.info('stopping', { signal });
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
