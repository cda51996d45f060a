/**
 * Everything the bench must undo however it ends: child processes, databases, temporary
 * directories, listening fakes. Undone in reverse order by `run()` (from run.ts's `finally`), or
 * on Ctrl-C / SIGTERM; on a sudden exit the synchronous part (killing children) still runs.
 */
export interface Cleanup {
  /** `undo` runs at the end; `syncUndo` also runs if the process exits before `run()` was reached. */
  add(what: string, undo: () => Promise<void> | void, syncUndo?: () => void): void;
  run(): Promise<void>;
}

export function cleanupStack(log: (line: string) => void): Cleanup {
  const undos: Array<{ what: string; undo: () => Promise<void> | void; syncUndo?: () => void; done: boolean }> = [];
  let running: Promise<void> | undefined;
  const run = (): Promise<void> =>
    (running ??= (async () => {
      for (const u of [...undos].reverse()) {
        if (u.done) continue;
        u.done = true;
        try {
          await u.undo();
        } catch (e) {
          log(`could not clean up ${u.what}: ${String(e)}`);
        }
      }
    })());
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: cleaning up`);
    void run().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => {
    for (const u of [...undos].reverse()) {
      if (u.done || !u.syncUndo) continue;
      try {
        u.syncUndo();
      } catch {
        // nothing more can be done while exiting
      }
    }
  });
  return {
    add(what, undo, syncUndo) {
      undos.push({ what, undo, ...(syncUndo ? { syncUndo } : {}), done: false });
    },
    run,
  };
}
