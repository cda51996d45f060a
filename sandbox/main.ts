import { startSandbox, type RunningSandbox } from './sandbox.js';
import { removeTempDirsSync, sweepOrphanedTempDirs } from './temp-dirs.js';

/** `npm run sandbox`: the bot with fake Slack, Scalekit and Google, and a page to drive it. */

const raw = process.env.SANDBOX_PORT ?? '4000';
const port = Number(raw);
if (!/^\d+$/.test(raw) || port > 65535) {
  process.stderr.write(`SANDBOX_PORT: expected a port number from 0 to 65535, got "${raw}"\n`);
  process.exit(1);
}

/** One Ctrl-C can arrive several times (the terminal signals npm, tsx and node; npm and tsx pass it on too). */
const REPEAT_IS_DUPLICATE_MS = 2_000;
/** The bot drains work in flight for up to 15 s. */
const STOP_LIMIT_MS = 25_000;

// Whatever happens, the store's folder goes: this runs on process.exit and after the last task.
process.on('exit', removeTempDirsSync);

let sandbox: RunningSandbox | undefined;
let stoppingSince = 0;

function shutdown(signal: NodeJS.Signals): void {
  if (stoppingSince > 0) {
    if (Date.now() - stoppingSince < REPEAT_IS_DUPLICATE_MS) return;
    process.stdout.write(`${signal} again: stopping now.\n`);
    process.exit(130);
  }
  stoppingSince = Date.now();
  process.stdout.write('\nStopping the sandbox…\n');
  // Still starting: nothing has been asked of the bot yet, so the exit hook's cleanup is all it takes.
  if (sandbox === undefined) process.exit(130);
  setTimeout(() => {
    process.stderr.write(`The sandbox did not stop within ${STOP_LIMIT_MS / 1000} s; leaving anyway.\n`);
    process.exit(1);
  }, STOP_LIMIT_MS).unref();
  sandbox.stop().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`Stopping failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
// Before anything is made, so that a Ctrl-C during the start cleans up too.
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

const swept = sweepOrphanedTempDirs();
if (swept.length > 0) process.stdout.write(`Removed ${swept.length} folder(s) left by a sandbox that was killed: ${swept.join(', ')}\n`);

sandbox = await startSandbox({ port }).catch((e: unknown) => {
  const why = e instanceof Error ? e.message : String(e);
  process.stderr.write(`The sandbox could not start: ${why}\n`);
  if (/EADDRINUSE/.test(why)) process.stderr.write(`Port ${port} is taken; try SANDBOX_PORT=4001 npm run sandbox\n`);
  process.exit(1);
});
process.stdout.write(`Scheduler sandbox: open ${sandbox.url}   (Ctrl-C stops it)\n`);
