/**
 * Which part of the tree may import which: `npm run lint` runs this over src, fakes, test, bench and sandbox.
 *
 * Layout: src/core (pure domain) <- src/flows (use cases over ports) <- src/adapters/<system> <- src/{main,bot}.ts;
 * fakes/ stand in for Slack, Scalekit and Google, fakes/world starts the real bot on them; test/ may import anything;
 * bench/ and sandbox/ may import src and fakes, never test/.
 *
 * The project's `typescript` is 7 (the native compiler, no JS API), which dependency-cruiser cannot load, so the
 * sources are parsed with swc (`parser: 'swc'`). swc sees every import as written, `import type` included: a
 * type-only import counts like any other one here.
 */

/** Node built-ins that do I/O or reach outside the process. node:crypto and the like are pure computation. */
const IO_BUILTINS = [
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'dns',
  'dns/promises',
  'child_process',
  'worker_threads',
  'cluster',
  'readline',
  'readline/promises',
  'repl',
  'inspector',
  'os',
  'process',
  'v8',
  'vm',
  'module',
  'sqlite',
  'perf_hooks',
  'diagnostics_channel',
  'timers',
  'timers/promises',
  'stream',
  'stream/promises',
  'zlib',
];

/**
 * Packages that talk to a database, Slack, Scalekit, the network or the environment. @slack/types is only Block Kit
 * type definitions (no runtime code), so core may describe messages with it.
 */
const IO_PACKAGES = ['pg', 'pg-[^/]+', 'better-sqlite3', '@slack/(?!types/)[^/]+', '@scalekit-sdk/[^/]+', '@connectrpc/[^/]+', 'dotenv', 'ws', 'playwright-core'];

const IO_MODULES = [`^(node:)?(${IO_BUILTINS.join('|')})$`, `(^|/)node_modules/(${IO_PACKAGES.join('|')})/`];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      severity: 'error',
      comment:
        'src/core is the pure domain: no file system, network, database, processes, threads, environment or Slack/Scalekit SDKs. Whatever does I/O sits behind a port in src/flows and is implemented in src/adapters. Pure built-ins (node:crypto) are fine.',
      from: { path: '^src/core/' },
      to: { path: IO_MODULES },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment:
        'src/core depends on nothing else in the repository: not on flows, adapters, the composition root (main, bot, config, log, inflight), fakes, test, bench or sandbox. Everything else depends on core, never the other way round.',
      from: { path: '^src/core/' },
      to: { path: '^(src/(?!core/)|fakes/|test/|bench/|sandbox/)' },
    },
    {
      name: 'flows-use-ports-not-adapters',
      severity: 'error',
      comment:
        'src/flows are use cases over ports: they get adapters handed in (wired in bot.ts), so they never import src/adapters, the composition root (main.ts, bot.ts), fakes or test. A flow needing a new capability adds a port.',
      from: { path: '^src/flows/' },
      to: { path: '^(src/adapters/|src/(main|bot)\\.ts$|fakes/|test/)' },
    },
    {
      name: 'src-imports-no-tooling',
      severity: 'error',
      comment: 'src/ is what ships: it must build and run without fakes, tests, benchmarks or the sandbox. Tooling imports src, never the reverse.',
      from: { path: '^src/' },
      to: { path: '^(fakes|test|bench|sandbox)/' },
    },
    {
      name: 'only-test-imports-test',
      severity: 'error',
      comment: 'test/ holds tests and their helpers; nothing outside test/ imports it. What src, fakes, bench or sandbox need to share with tests belongs in src/ or fakes/.',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'fakes-are-standalone',
      severity: 'error',
      comment:
        'The fakes of Slack, Scalekit and Google (fakes/{slack,scalekit,google} and the files at fakes/ root) model the real services, not the bot: they import nothing from src/, so a bug in the bot cannot leak into the fake that is meant to catch it.',
      from: { path: '^fakes/(?!world/)' },
      to: { path: '^src/' },
    },
    {
      name: 'fakes-world-starts-the-bot-only',
      severity: 'error',
      comment:
        'fakes/world starts the real bot on the fakes through its entry points (src/bot.ts, src/config.ts) and nothing deeper, so the world exercises the bot as it runs in production.',
      from: { path: '^fakes/world/' },
      to: { path: '^src/', pathNot: '^src/(bot|config)\\.ts$' },
    },
    {
      name: 'fakes-import-no-tools',
      severity: 'error',
      comment: 'fakes/ are used by test, bench and sandbox; they must not import bench/ or sandbox/ back.',
      from: { path: '^fakes/' },
      to: { path: '^(bench|sandbox)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Circular imports make load order matter (a module may see another half-initialised) and blur which layer depends on which. Break the cycle by moving the shared piece down a layer or by passing it in.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'Every import must resolve to a file or an installed package. Besides catching typos, this keeps the other rules honest: an import that dependency-cruiser could not resolve (a `.js` import that did not map to its `.ts`) would escape every path rule above.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|coverage)/' },
    moduleSystems: ['es6', 'cjs'],
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
