import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { compareTargets, type TargetLoad } from './ack-compare.js';
import type { Builds } from './build.js';
import type { Cleanup } from './cleanup.js';
import type { ConnectionCounter } from './connection-count.js';
import { measureCriticalPaths, type CriticalPaths } from './critical-path.js';
import { measureInbox, type InboxPaths } from './inbox-summary.js';
import { rssOf, type Rss } from './proc-stats.js';
import { simFor, type Fakes } from './stack.js';
import { startBotProcess, startFloorApp, type StoreKind, type Target } from './targets.js';
import { TRICKLE_GROUP, trickle, type Trickle } from './trickle.js';

/** Everything measured on one bot process (one store), beside the bare app. */
export interface StoreRun {
  store: StoreKind;
  bot: TargetLoad;
  /** The bare app's bursts interleaved with this bot's. */
  bare: TargetLoad;
  /** The floor app's (bench/floor-app.ts, started cold beside this bot), interleaved likewise. */
  floor: TargetLoad;
  /** Other users after the bursts, a few at a time, to the three in turn. */
  trickle: Trickle;
  /** bot ack p99 / bare ack p99: what the bot adds to Bolt's own floor (goal ≤ 1.2). */
  p99Ratio: number;
  /** The bot's resident memory once ready, before any request. */
  botAfterStart: Rss;
  /** The bot's exit code after SIGTERM (0: drained and closed its store). */
  exitCode: number | null;
  /** Warning and error lines the bot and the floor app logged, labelled: a benchmark of a failing bot would measure nothing. */
  problems: string[];
  /** The round-trip measurements, made on the first store only, before the bursts. */
  paths?: { criticalPaths: CriticalPaths; inbox: InboxPaths };
}

export interface StoreRunOptions {
  fakes: Fakes;
  store: StoreKind;
  bare: Target;
  builds: Builds;
  cleanup: Cleanup;
  connections: ConnectionCounter;
  loadUsers: FakeSlackUser[];
  /** Others than loadUsers, so that the trickle meets no cached token or profile, as when different people each send one. */
  trickleUsers: FakeSlackUser[];
  bursts: number;
  /** Users and run count for the critical paths and the inbox, when this store measures them. */
  paths?: { users: FakeSlackUser[]; inboxOwner: FakeSlackUser; runs: number };
  step: (what: string) => void;
}

export async function runOnStore(o: StoreRunOptions): Promise<StoreRun> {
  o.step(`${o.store} store: starting the bot (node dist/main.js) and a floor app`);
  const bot = await startBotProcess({ fakes: o.fakes, store: o.store, builds: o.builds, cleanup: o.cleanup });
  // A floor app of its own per store, so that it starts as cold as this bot (no tokens, no profiles).
  const floorApp = await startFloorApp({ fakes: o.fakes, builds: o.builds, cleanup: o.cleanup });
  const botAfterStart = rssOf(bot.child.pid);
  let paths: StoreRun['paths'];
  if (o.paths) {
    const stack = { ...o.fakes, sim: simFor(o.fakes, bot.child.url) };
    o.step(`${o.store} store: critical paths, bot and cookbook, ${o.paths.runs} runs each`);
    const criticalPaths = await measureCriticalPaths(stack, o.paths.users, o.paths.runs);
    o.step(`${o.store} store: inbox summary, ${o.paths.runs} runs each of two page sizes`);
    const inbox = await measureInbox(stack, o.paths.inboxOwner, o.loadUsers.slice(0, 4), o.paths.runs);
    paths = { criticalPaths, inbox };
  }
  o.step(`${o.store} store: ${o.bursts} bursts of ${o.loadUsers.length} concurrent /schedule, bare app, floor app and bot in turn`);
  const { loads } = await compareTargets(o.fakes, [o.bare, floorApp, bot], o.loadUsers, o.bursts, o.connections);
  const [bare, floor, botLoad] = loads;
  if (!bare || !floor || !botLoad) throw new Error('compareTargets lost a target');
  o.step(`${o.store} store: ${o.trickleUsers.length} other users' /schedule ${TRICKLE_GROUP} at a time, bare app, floor app and bot in turn`);
  const trickled = await trickle(o.fakes, [o.bare, floorApp, bot], o.trickleUsers, o.connections);
  const exitCode = await bot.child.stop();
  const floorExit = await floorApp.child.stop();
  return {
    store: o.store,
    bot: botLoad,
    bare,
    floor,
    trickle: trickled,
    p99Ratio: botLoad.ack.p99Ms / bare.ack.p99Ms,
    botAfterStart,
    exitCode,
    problems: [
      ...bot.child.lines.map((l) => `bot (${o.store}): ${l}`),
      ...floorApp.child.lines.map((l) => `floor app (${o.store}): ${l}`),
      ...(floorExit === 0 ? [] : [`floor app (${o.store}): exited ${String(floorExit)} on SIGTERM`]),
    ],
    ...(paths ? { paths } : {}),
  };
}
