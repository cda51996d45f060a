import type { AckLoad } from './ack-latency.js';
import type { CriticalPaths } from './critical-path.js';
import type { InboxFetch } from './inbox-fetch.js';
import type { InboxPaths } from './inbox-summary.js';
import type { PathSummary } from './paths.js';
import type { SlotSearchRow } from './slot-search.js';

export interface BenchResult {
  date: string;
  command: string;
  machine: { cores: number; node: string; platform: string; arch: string };
  /** The bot's record store during the run. */
  store: 'postgres' | 'embedded';
  latencyMs: number;
  ack: AckLoad;
  criticalPaths: CriticalPaths;
  inbox: InboxPaths;
  inboxFetch: InboxFetch;
  slotSearch: SlotSearchRow[];
  /** rss is the whole process (bot thread, fakes, client); the heap is the bot thread's alone. */
  memory: { rssAfterStartMb: number; rssAfterLoadMb: number; botHeapAfterStartMb: number; botHeapAfterLoadMb: number };
  /** Warning and error lines the bot logged during the run. */
  botProblems: string[];
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

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
  const { ack, criticalPaths: cp, inbox } = r;
  const sumMs = cp.botPropose.medianMs + cp.botPick.medianMs;
  const sumTrips = Math.min(...cp.botPropose.roundTrips) + Math.min(...cp.botPick.roundTrips);
  const total = ack.bursts * ack.requestsPerBurst;
  const sumReplies = cp.botPropose.replySteps + cp.botPick.replySteps;
  const rows = [
    '| # | measurement | result | detail |',
    '|---|---|---|---|',
    `| – | machine | ${r.machine.cores} cores (os.availableParallelism()) · Node ${r.machine.node} · ${r.machine.platform} ${r.machine.arch} | every fake Slack, Scalekit and Google call delayed ${r.latencyMs} ms; the bot runs on a thread of its own, the fakes and the simulated Slack client share another; bot store: ${r.store === 'postgres' ? 'local PostgreSQL' : 'embedded'} |`,
    `| 1a | ack of ${ack.requestsPerBurst} concurrent signed /schedule from ${ack.requestsPerBurst} users, as Slack sees it | p50 ${ms(ack.client.p50Ms)} ms · p99 ${ms(ack.client.p99Ms)} ms · max ${ms(ack.client.maxMs)} ms | ${ack.bursts} bursts pooled (worst per burst: ${ack.clientMaxPerBurstMs.map(ms).join(', ')} ms), from a client on its own thread; ${total - ack.non200}/${total} answered 200 |`,
    `| 1b | the same acks inside the bot: connection accepted → ack written | p50 ${ms(ack.bot.p50Ms)} ms · p99 ${ms(ack.bot.p99Ms)} ms · max ${ms(ack.bot.maxMs)} ms | the rest of 1a is time before the bot's busy event loop got to the connection |`,
    `| 1c | proposals for that burst | all ${ack.requestsPerBurst} posted ${ms(ack.allProposalsMs)} ms after the burst began (median of ${ack.bursts}) | ${ack.withSlots} of ${ack.requestsPerBurst} with times; the bot's event loop was busy ${ms(ack.botBusyMsPerRequest)} ms per /schedule (ack + proposal) |`,
    pathRow('2a', 'bot: /schedule → proposal', cp.botPropose, cp.runs),
    pathRow('2b', 'cookbook: authorize ×2 → freeBusy → first free hour', cp.cookbookPropose, cp.runs),
    pathRow('2c', 'bot: pick → confirmation', cp.botPick, cp.runs),
    pathRow('2d', 'cookbook: insert event → create draft', cp.cookbookBook, cp.runs),
    `| 2e | bot: both steps (2a + 2c) | ${ms(sumMs)} ms · ${sumTrips} sequential round trips (${sumTrips - sumReplies} + ${sumReplies} Slack replies) | two user actions; the cookbook is one script run with no reply to post |`,
    pathRow('2f', 'cookbook: whole run (2b + 2d)', cp.cookbookWhole, cp.runs),
    ...r.slotSearch.map(
      (s) =>
        `| 3 | slot search, ${s.calendars} calendar${s.calendars === 1 ? '' : 's'} (${s.busyIntervals} busy intervals) | ${ms(s.searchMs)} ms per search (findSlots alone ${ms(s.findSlotsMs)} ms) | time/(n log n) ×${s.perNLogN.toFixed(2)} of the smallest (findSlots alone ×${s.findSlotsPerNLogN.toFixed(2)}); ${s.slotsFound} slots; median of ${s.repeats} |`,
    ),
    ...inbox.asks.map((a, i) =>
      pathRow(`4${'ab'[i] ?? ''}`, `inbox summary, ${inbox.unread} unread: DM “${a.text}” → summary of the first ${a.pageSize}`, a.path, inbox.runs),
    ),
    pathRow('4c', `inbox fetch, all ${r.inboxFetch.messages} unread with headers, one by one (the seed quickstart's way)`, r.inboxFetch.oneByOne, inbox.runs),
    pathRow('4d', `inbox fetch, all ${r.inboxFetch.messages} unread with headers, the bot's way (bounded concurrency)`, r.inboxFetch.concurrent, inbox.runs),
    `| 5 | resident memory (rss) | ${r.memory.rssAfterStartMb.toFixed(0)} MB after start · ${r.memory.rssAfterLoadMb.toFixed(0)} MB after the load | one process: the bot's thread, the fakes and the simulated client; the bot thread's heap alone ${r.memory.botHeapAfterStartMb.toFixed(0)} → ${r.memory.botHeapAfterLoadMb.toFixed(0)} MB |`,
  ];
  return rows.join('\n');
}
