import { boltApp, serve } from './minimal-bolt.js';

/**
 * The floor the bot's acks are compared with: the same Bolt and receiver as the bot
 * (minimal-bolt.ts), and a /schedule that only acks. Compiled by bench/tsconfig.bare.json and run
 * as `node dist/bench/bare-bolt-app.js`, like `node dist/main.js`.
 */
const app = boltApp();
app.command('/schedule', async ({ ack }) => {
  await ack();
});
await serve(app);
