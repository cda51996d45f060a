import { Worker } from 'node:worker_threads';

/**
 * Starts a TypeScript module on a worker thread. A worker does not inherit tsx's loader (nor take
 * it from execArgv on Node 20), so it loads the module through tsx's API instead.
 */
export function tsWorker(file: URL, workerData: unknown): Worker {
  const href = JSON.stringify(file.href);
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${href}, ${href}))`;
  return new Worker(boot, { eval: true, workerData });
}
