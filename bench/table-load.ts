import type { TargetLoad } from './ack-compare.js';
import type { ProfileRun } from './profile-run.js';
import type { StoreRun } from './store-run.js';

/** The table's rows for the bursts: acks, CPU, connections, memory, the CPU profile. */

export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const mb = (x: number): string => `${x.toFixed(0)} MB`;
const letter = (i: number): string => 'abcdefghijklmnopqrstuvwxyz'[i] ?? `${i}`;
const row = (id: string, what: string, result: string, detail: string): string => `| ${id} | ${what} | ${result} | ${detail} |`;

function ackResult(l: TargetLoad): string {
  return `p50 ${ms(l.ack.p50Ms)} · p95 ${ms(l.ack.p95Ms)} · p99 ${ms(l.ack.p99Ms)} · max ${ms(l.ack.maxMs)} ms · **${l.acksOver3s} over 3 s**`;
}

function ackDetail(l: TargetLoad): string {
  const total = l.bursts * l.requestsPerBurst;
  return `${l.bursts} bursts of ${l.requestsPerBurst} pooled (worst per burst: ${l.clientMaxPerBurstMs.map(ms).join(', ')} ms); ${total - l.non200}/${total} answered 200`;
}

const storeName = (s: StoreRun): string => (s.store === 'embedded' ? 'embedded store (SQLite)' : 'PostgreSQL');

/** Connections per burst as `slack 3 · scalekit 1 · google 12`, each the mean over the bursts. */
function connects(l: TargetLoad): { mean: string; each: string } {
  const entries = Object.entries(l.connectsPerBurst);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    mean: entries.map(([s, xs]) => `${s} ${Number.isInteger(mean(xs)) ? mean(xs) : mean(xs).toFixed(1)}`).join(' · '),
    each: entries.map(([s, xs]) => `${s} ${xs.join(', ')}`).join('; '),
  };
}

/** Section 1 (acks), per store: the bare app, the bot, their ratio, the proposals. */
export function ackRows(stores: readonly StoreRun[]): string[] {
  return stores.flatMap((s, i) => {
    const id = (k: number): string => `1${letter(4 * i + k)}`;
    const goal = s.p99Ratio <= 1.2 ? 'met' : 'not met';
    return [
      row(id(0), `ack of ${s.bare.requestsPerBurst} concurrent signed /schedule, **bare Bolt app** (in turn with the bot on ${storeName(s)})`, ackResult(s.bare), ackDetail(s.bare)),
      row(id(1), `the same, **bot** on ${storeName(s)}`, ackResult(s.bot), ackDetail(s.bot)),
      row(
        id(2),
        `bot p99 / bare p99, ${storeName(s)}`,
        `**×${s.p99Ratio.toFixed(2)}** (goal ≤ 1.2: ${goal})`,
        `${ms(s.bot.ack.p99Ms)} / ${ms(s.bare.ack.p99Ms)} ms; p50 ×${(s.bot.ack.p50Ms / s.bare.ack.p50Ms).toFixed(2)}`,
      ),
      row(
        id(3),
        `proposals for the bot's bursts, ${storeName(s)}`,
        `all ${s.bot.requestsPerBurst} posted ${ms(s.bot.doneMs)} ms after the burst began (median of ${s.bot.bursts})`,
        `${s.bot.withSlots} of ${s.bot.requestsPerBurst} with times (fewest in a burst)`,
      ),
    ];
  });
}

/** Section 5: the bot process's memory, per store. */
export function memoryRows(stores: readonly StoreRun[]): string[] {
  return stores.map((s, i) =>
    row(
      `5${letter(i)}`,
      `resident memory of the bot process, ${storeName(s)}`,
      `**${mb(s.bot.memory.rssMb)}** after the bursts (goal ≤ 150 MB) · peak ${mb(s.bot.memory.peakMb)}`,
      `VmRSS/VmHWM of /proc/<pid>/status, 500 ms after the last burst's last proposal; ${mb(s.botAfterStart.rssMb)} once ready; the bare Bolt app: ${mb(s.bare.memory.rssMb)} (peak ${mb(s.bare.memory.peakMb)})`,
    ),
  );
}

const perBurst = (l: TargetLoad): string => l.cpuMsPerCommandEach.map(ms).join(', ');

/**
 * Section 6: CPU per /schedule, per store: the bot; the floor app, which makes only the remote
 * calls a proposal needs, with the same parts (bench/floor-app.ts); the bare app's ack alone.
 */
export function cpuRows(stores: readonly StoreRun[]): string[] {
  return stores.flatMap((s, i) => {
    const id = (k: number): string => `6${letter(3 * i + k)}`;
    const t = s.trickle;
    const trickled = (l: TargetLoad): number => t.cpuMsPerCommand[l.name] ?? Number.NaN;
    const goal = s.bot.cpuMsPerCommand <= 3 ? 'met' : 'not met';
    return [
      row(
        id(0),
        `CPU per /schedule, bot, ${storeName(s)}`,
        `**${ms(s.bot.cpuMsPerCommand)} ms** (goal ≤ 3 ms: ${goal})`,
        `utime+stime of /proc/<pid>/stat (all threads) from sending each burst until 500 ms after its last proposal (the idle collection included), / ${s.bot.bursts * s.bot.requestsPerBurst} commands; burst by burst (the first cold): ${perBurst(s.bot)} ms`,
      ),
      row(
        id(1),
        `the same, **floor app** (Bolt's ack, then only the proposal's remote calls) and bare app (the ack alone), in turn with the bot on ${storeName(s)}`,
        `floor **${ms(s.floor.cpuMsPerCommand)} ms** · bare ${ms(s.bare.cpuMsPerCommand)} ms · bot / floor **×${(s.bot.cpuMsPerCommand / s.floor.cpuMsPerCommand).toFixed(2)}**`,
        `floor burst by burst: ${perBurst(s.floor)} ms; bare: ${perBurst(s.bare)} ms`,
      ),
      row(
        id(2),
        `CPU per /schedule when ${t.commands} other people's come ${t.groupSize} at a time (each group answered before the next; the three in turn), ${storeName(s)}`,
        `bot **${ms(trickled(s.bot))} ms** · floor ${ms(trickled(s.floor))} ms · bare ${ms(trickled(s.bare))} ms · bot / floor **×${(trickled(s.bot) / trickled(s.floor)).toFixed(2)}**`,
        `from the first group until 500 ms after the last, per process, so what each does while quiet counts; VmRSS then: bot ${mb(t.rssMb[s.bot.name] ?? Number.NaN)}, floor ${mb(t.rssMb[s.floor.name] ?? Number.NaN)}`,
      ),
    ];
  });
}

/** Section 7: TCP connections the fakes accepted per burst, per store. */
export function connectRows(stores: readonly StoreRun[]): string[] {
  return stores.map((s, i) => {
    const c = connects(s.bot);
    const b = connects(s.bare);
    return row(
      `7${letter(i)}`,
      `TCP connects per burst, bot → each fake, ${storeName(s)}`,
      c.mean,
      `mean of ${s.bot.bursts} bursts of ${s.bot.requestsPerBurst} (each: ${c.each}); slack includes response_url; the bare app: ${b.mean}`,
    );
  });
}

/** Groups shown; the JSON has them all. */
const TOP_GROUPS = 12;

/**
 * Section 6, continued: where one burst's CPU went, by package. The profile's times are wall
 * time between samples, which a loaded machine stretches; the shares are what to read, and
 * share × the unprofiled CPU per /schedule (6a) estimates each group's CPU per /schedule.
 */
export function profileRows(p: ProfileRun | undefined, stores: readonly StoreRun[]): string[] {
  if (!p) return [];
  const id = `6${letter(3 * stores.length)}`;
  const perCommand = stores.find((s) => s.store === p.store)?.bot.cpuMsPerCommand ?? p.cpuMsPerCommand;
  const head = row(
    id,
    `CPU profile of the bot (${p.store === 'embedded' ? 'embedded store' : 'PostgreSQL'}, a process of its own under --cpu-prof), one burst of ${p.commands}: self time by package`,
    `${ms(p.summary.busyMs)} ms of non-idle samples on the main thread (${ms(p.summary.busyMs / p.commands)} ms per /schedule)`,
    `only samples inside the burst; builtins and native code count to their caller; “≈ ms” = share × ${ms(perCommand)} ms (6a); exited ${String(p.exitCode)} on SIGTERM; /proc: ${ms(p.cpuMsPerCommand)} ms per /schedule in this run, profiler included`,
  );
  const groups = p.summary.groups
    .slice(0, TOP_GROUPS)
    .map((g, i) => row(`${id}.${i + 1}`, `… ${g.group}`, `${(100 * g.share).toFixed(1)}% · ≈ ${ms(g.share * perCommand)} ms per /schedule`, `${ms(g.selfMs)} ms sampled`));
  return [head, ...groups];
}
