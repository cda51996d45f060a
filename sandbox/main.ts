import { startSandbox } from './sandbox.js';

/** `npm run sandbox`: the bot with fake Slack, Scalekit and Google, and a page to drive it. */

const raw = process.env.SANDBOX_PORT ?? '4000';
const port = Number(raw);
if (!/^\d+$/.test(raw) || port > 65535) {
  process.stderr.write(`SANDBOX_PORT: expected a port number from 0 to 65535, got "${raw}"\n`);
  process.exit(1);
}

const sandbox = await startSandbox({ port }).catch((e: unknown) => {
  const why = e instanceof Error ? e.message : String(e);
  process.stderr.write(`The sandbox could not start: ${why}\n`);
  if (/EADDRINUSE/.test(why)) process.stderr.write(`Port ${port} is taken; try SANDBOX_PORT=4001 npm run sandbox\n`);
  process.exit(1);
});

process.stdout.write(`Scheduler sandbox: open ${sandbox.url}   (Ctrl-C stops it)\n`);

let stopping = false;
const shutdown = (): void => {
  if (stopping) process.exit(1);
  stopping = true;
  process.stdout.write('\nStopping the sandbox…\n');
  sandbox.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
