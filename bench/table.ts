import type { CriticalPaths } from './critical-path.js';
import type { InboxFetch } from './inbox-fetch.js';
import type { InboxPaths } from './inbox-summary.js';
import type { PathSummary } from './paths.js';
import type { ProfileRun } from './profile-run.js';
import type { SlotSearchRow } from './slot-search.js';
import type { StoreRun } from './store-run.js';
import { ackRows, connectRows, cpuRows, memoryRows, ms, profileRows } from './table-load.js';

export interface BenchResult {
  date: string;
  command: string;
  machine: { cores: number; node: string; platform: string; arch: string; bolt: string };
  /** How the bot was started: `node <flags> dist/main.js`, as `npm start` does. */
  botCommand: string;
  latencyMs: number;
  /** Per store: the bot process's bursts beside the bare app's, its CPU, connections, memory. */
  stores: StoreRun[];
  /** Critical paths and inbox, measured on the first store's bot. */
  pathsStore: string;
  criticalPaths: CriticalPaths;
  inbox: InboxPaths;
  inboxFetch: InboxFetch;
  slotSearch: SlotSearchRow[];
  profile?: ProfileRun;
  /** Warning and error lines the bots and the bare app logged during the run. */
  problems: string[];
}

function trips(p: PathSummary): string {
  const lo = Math.min(...p.roundTrips);
  const hi = Math.max(...p.roundTrips);
  const count = lo === hi ? `${lo}` : `${lo}–${hi}`;
  return p.replySteps > 0 ? `${count} (${lo - p.replySteps} + Slack reply)` : count;
}

function pathRow(id: string, what: string, p: PathSummary, runs: number): string {
  return `| ${id} | ${what} | ${ms(p.medianMs)} ms (median of ${runs}) · ${trips(p)} sequential round trips | ${p.chain} |`;
}

/** The one table: a row per measurement, what it measured and where the time went. */
export function renderTable(r: BenchResult): string {
  const { criticalPaths: cp, inbox } = r;
  const sumMs = cp.botPropose.medianMs + cp.botPick.medianMs;
  const sumTrips = Math.min(...cp.botPropose.roundTrips) + Math.min(...cp.botPick.roundTrips);
  const sumReplies = cp.botPropose.replySteps + cp.botPick.replySteps;
  const rows = [
    '| # | measurement | result | detail |',
    '|---|---|---|---|',
    `| – | machine | ${r.machine.cores} cores (os.availableParallelism()) · Node ${r.machine.node} · ${r.machine.platform} ${r.machine.arch} · @slack/bolt ${r.machine.bolt} | every fake Slack, Scalekit and Google call delayed ${r.latencyMs} ms; the bot runs as \`${r.botCommand}\` (what \`npm start\` runs), the bare app as \`node dist/bench/bare-bolt-app.js\` and the floor app with the bot's flags as \`dist/bench/floor-app.js\`, each a process of its own; the fakes share the bench's main thread, the simulated Slack client has a thread of its own; acks are timed by that client (send → whole response) |`,
    ...ackRows(r.stores),
    pathRow('2a', `bot: /schedule → proposal (${r.pathsStore})`, cp.botPropose, cp.runs),
    pathRow('2b', 'cookbook: authorize ×2 → freeBusy → first free hour', cp.cookbookPropose, cp.runs),
    pathRow('2c', `bot: pick → confirmation (${r.pathsStore})`, cp.botPick, cp.runs),
    pathRow('2d', 'cookbook: insert event → create draft', cp.cookbookBook, cp.runs),
    `| 2e | bot: both steps (2a + 2c) | ${ms(sumMs)} ms · ${sumTrips} sequential round trips (${sumTrips - sumReplies} + ${sumReplies} Slack replies) | two user actions; the cookbook is one script run with no reply to post |`,
    pathRow('2f', 'cookbook: whole run (2b + 2d)', cp.cookbookWhole, cp.runs),
    ...r.slotSearch.map(
      (s) =>
        `| 3 | slot search, ${s.calendars} calendar${s.calendars === 1 ? '' : 's'} (${s.busyIntervals} busy intervals) | ${ms(s.searchMs)} ms per search (findSlots alone ${ms(s.findSlotsMs)} ms) | time/(n log n) ×${s.perNLogN.toFixed(2)} of the smallest (findSlots alone ×${s.findSlotsPerNLogN.toFixed(2)}); ${s.slotsFound} slots; median of ${s.repeats} |`,
    ),
    ...inbox.asks.map((a, i) =>
      pathRow(`4${'ab'[i] ?? ''}`, `inbox summary, ${inbox.unread} unread: DM “${a.text}” → summary of the first ${a.pageSize} (${r.pathsStore})`, a.path, inbox.runs),
    ),
    pathRow('4c', `inbox fetch, all ${r.inboxFetch.messages} unread with headers, one by one (the seed quickstart's way)`, r.inboxFetch.oneByOne, inbox.runs),
    pathRow('4d', `inbox fetch, all ${r.inboxFetch.messages} unread with headers, the bot's way (bounded concurrency)`, r.inboxFetch.concurrent, inbox.runs),
    ...memoryRows(r.stores),
    ...cpuRows(r.stores),
    ...profileRows(r.profile, r.stores),
    ...connectRows(r.stores),
  ];
  return rows.join('\n');
}
