import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InboxView } from '../../../src/core/inbox/outcome.js';
import { parseSender, summarize, type MailItem } from '../../../src/core/inbox/summary.js';
import { buildConfirmation, buildDraftFailed, buildMeetingCancelled } from '../../../src/core/messages/booking.js';
import { buildConnectPrompt } from '../../../src/core/messages/connect.js';
import { buildHome, type HomeState } from '../../../src/core/messages/home.js';
import { buildInboxFailure, buildInboxGone, buildInboxHelp, buildInboxNotYours, INBOX_CONNECT, renderInbox } from '../../../src/core/messages/inbox-notices.js';
import { buildInboxEmpty, buildInboxSummary } from '../../../src/core/messages/inbox.js';
import { buildRolledBack } from '../../../src/core/messages/rolled-back.js';
import { buildSlotTaken } from '../../../src/core/messages/slot-taken.js';
import { buildStoreUnavailable } from '../../../src/core/messages/store-notice.js';
import { buildGone, buildInternalError, buildNotYours, buildProposalCancelled, buildServiceFailure } from '../../../src/core/messages/notices.js';
import { buildPrefsModal } from '../../../src/core/messages/prefs-modal.js';
import { buildNoSlots, buildProposal } from '../../../src/core/messages/proposal.js';
import { renderBooking, renderCancel, renderProposal } from '../../../src/core/messages/render.js';
import type { Reply } from '../../../src/core/messages/types.js';
import { buildUsage } from '../../../src/core/messages/usage.js';
import type { Booked, GrantProblem, MissingGrant, PersonView, ProposalView, ServiceFailure } from '../../../src/core/outcomes.js';
import { slackLimitViolations, type Surface } from './limits.js';

/**
 * Every builder, fed long and many of everything, stays inside Slack's Block Kit limits, checked
 * recursively over the whole JSON (see `limits.ts`). The builders are found by name in
 * `src/core/messages/*.ts`: a new `build…` or `render…` export fails the first test until it is
 * added here.
 */
const COVERED = new Set([
  'buildConfirmation',
  'buildDraftFailed',
  'buildMeetingCancelled',
  'buildConnectPrompt',
  'buildHome',
  'buildInboxHelp',
  'buildInboxFailure',
  'buildInboxNotYours',
  'buildInboxGone',
  'renderInbox',
  'buildInboxSummary',
  'buildInboxEmpty',
  'buildNotYours',
  'buildGone',
  'buildProposalCancelled',
  'buildInternalError',
  'buildStoreUnavailable',
  'buildSlotTaken',
  'buildRolledBack',
  'buildServiceFailure',
  'buildPrefsModal',
  'buildProposal',
  'buildNoSlots',
  'renderProposal',
  'renderBooking',
  'renderCancel',
  'buildUsage',
]);

const DIR = fileURLToPath(new URL('../../../src/core/messages/', import.meta.url));

const RUNS = Number(process.env.LIMIT_RUNS ?? 40);
const T = Date.UTC(2026, 2, 10, 12);
const MIN = 60_000;

// ---- text: short, long, escaping-heavy, formatting-heavy, multi-line, astral ----
const longText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '&'.repeat(6000),
      '<'.repeat(4000),
      'x'.repeat(12_000),
      '*_~`'.repeat(1500),
      '<!channel> <@U1> '.repeat(400),
      '😀'.repeat(3000),
      'line\n'.repeat(2000),
      '|^>'.repeat(2000),
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 50, maxLength: 200 }).map((s) => s.repeat(40)) },
);
const zone = fc.constantFrom('Asia/Kolkata', 'America/New_York', 'Europe/London', 'Pacific/Chatham', 'Asia/Tokyo', 'UTC', 'America/Argentina/Buenos_Aires', 'Not/AZone', '', 'x'.repeat(500));
const requestId = fc.string({ minLength: 1, maxLength: 64 });
const url = fc.oneof(
  fc.constant('https://calendar.google.com/event?eid=abc'),
  fc.constant('https://mail.google.com/mail/?authuser=a%40b.c#drafts?compose=m1'),
  fc.string({ maxLength: 30 }).map((s) => `https://x.test/${encodeURIComponent(s)}`),
  fc.constantFrom(`https://x.test/${'a'.repeat(5000)}`, 'javascript:alert(1)', 'https://x.test/a|<!here>', ''),
);
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
const slot = fc.tuple(instant, fc.integer({ min: 5, max: 8 * 60 })).map(([start, m]) => ({ start, end: start + m * MIN }));

/** Many of something: none, a few, or hundreds. */
const many = <T>(arb: fc.Arbitrary<T>, max: number) => fc.oneof(fc.array(arb, { maxLength: 3 }), fc.array(arb, { minLength: Math.floor(max * 0.75), maxLength: max }));

const person: fc.Arbitrary<PersonView> = fc.record({ name: longText, zone: fc.option(zone, { nil: undefined }) });

const proposalView: fc.Arbitrary<ProposalView> = fc.record({
  requestId,
  title: longText,
  minutes: fc.integer({ min: 1, max: 100_000 }),
  zone,
  whenText: longText,
  slots: many(slot, 60),
  attendees: many(person, 200),
  unseen: many(longText, 300),
  hasMore: fc.boolean(),
});

const booked: fc.Arbitrary<Booked> = fc.record({
  requestId,
  title: longText,
  slot,
  zone,
  attendees: many(person, 200),
  eventLink: url,
  meetLink: fc.option(url, { nil: undefined }),
  draftLink: url,
});

const PROBLEMS: GrantProblem[] = ['not-connected', 'pending-verification', 'expired', 'revoked', 'unauthorized', 'insufficient-scope', 'admin-blocked'];
const grant: fc.Arbitrary<MissingGrant> = fc.record({
  connector: fc.constantFrom('calendar' as const, 'gmail' as const),
  problem: fc.constantFrom(...PROBLEMS),
  link: fc.option(url, { nil: undefined }),
  scope: fc.option(longText, { nil: undefined }),
});
const failure: fc.Arbitrary<ServiceFailure> = fc.oneof(
  fc.record({
    kind: fc.constant('rate-limited' as const),
    connector: fc.constantFrom('calendar' as const, 'gmail' as const),
    retryAfterSeconds: fc.option(fc.integer({ min: 0, max: 10 ** 9 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('unavailable' as const), connector: fc.constantFrom('calendar' as const, 'gmail' as const) }),
  fc.constant({ kind: 'auth-service-unavailable' as const }),
);

const mailItem: fc.Arbitrary<MailItem> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 20 }),
    threadId: fc.string({ minLength: 1, maxLength: 20 }),
    from: fc.oneof(longText, fc.constantFrom('Ann <ann@x.com>', 'bob@acme.test', `"${'&'.repeat(3000)}" <a@x.com>`)),
    subject: fc.oneof(longText, fc.constantFrom('URGENT build failed by EOD', 'Outage: site is down, deadline before Friday')),
    snippet: longText,
    receivedAt: instant,
  })
  .map((m) => ({ ...m, from: parseSender(m.from) }));

const filters = fc.record({
  from: fc.option(longText, { nil: undefined }),
  label: fc.option(longText, { nil: undefined }),
  range: fc.option(longText, { nil: undefined }),
  onlyUrgent: fc.option(fc.boolean(), { nil: undefined }),
});

const inboxView: fc.Arbitrary<InboxView> = fc
  .record({
    items: many(mailItem, 500),
    colleagues: fc.boolean(),
    total: fc.integer({ min: 0, max: 10 ** 7 }),
    estimate: fc.boolean(),
    first: fc.integer({ min: 1, max: 10 ** 6 }),
    filters,
    zone,
    account: fc.option(fc.oneof(fc.emailAddress(), longText), { nil: undefined }),
    more: fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.constant('m'.repeat(5000))), { nil: undefined }),
  })
  .map(({ items, colleagues, ...v }) => ({
    ...v,
    summary: summarize(items, new Set(colleagues ? items.flatMap((i) => (i.from.email !== undefined ? [i.from.email] : [])) : [])),
    shown: items.length,
    now: T,
  }));

function expectFits(payload: unknown, surface: Surface = 'message'): void {
  expect(slackLimitViolations(payload, surface)).toEqual([]);
}

const replies = (r: { reply?: Reply | undefined }) => (r.reply ? [r.reply] : []);

describe('every message builder stays inside Block Kit’s limits for any input', () => {
  it('covers every builder in src/core/messages', async () => {
    const exported: string[] = [];
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(`${DIR}${file}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === 'function' && /^(build|render)[A-Z]/.test(name)) exported.push(name);
    }
    expect(exported.filter((n) => !COVERED.has(n))).toEqual([]);
    expect([...COVERED].filter((n) => !exported.includes(n))).toEqual([]);
  });

  it('proposals, no-slots and the render of every proposal outcome', () => {
    fc.assert(
      fc.property(proposalView, fc.array(grant, { maxLength: 30 }), failure, longText, (v, missing, f, reason) => {
        expectFits(buildProposal(v));
        expectFits(buildNoSlots(v.title, v.whenText, v.unseen));
        for (const o of [
          { kind: 'slots' as const, view: v },
          { kind: 'no-slots' as const, title: v.title, whenText: v.whenText, unseen: v.unseen },
          { kind: 'needs-connection' as const, requestId: v.requestId, missing },
          { kind: 'bad-input' as const, reason },
          { kind: 'failed' as const, failure: f },
          { kind: 'gone' as const },
          { kind: 'not-yours' as const },
          { kind: 'closed' as const },
        ]) {
          for (const r of replies(renderProposal(o))) expectFits(r);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('confirmations, failed drafts, cancellations and the render of every booking and cancel outcome', () => {
    fc.assert(
      fc.property(booked, proposalView, fc.option(grant, { nil: undefined }), longText, fc.boolean(), failure, (b, retry, missing, reason, removed, f) => {
        expectFits(buildConfirmation(b));
        const draftFailed = { kind: 'draft-failed' as const, requestId: b.requestId, title: b.title, reason, eventRemoved: removed, retry, missing };
        expectFits(buildDraftFailed(draftFailed));
        expectFits(buildDraftFailed({ ...draftFailed, missing: undefined }));
        expectFits(buildMeetingCancelled(b.title, removed));
        expectFits(buildSlotTaken(b.title, buildProposal(retry)));
        expectFits(buildSlotTaken(b.title, undefined));
        expectFits(buildRolledBack({ kind: 'rolled-back', requestId: b.requestId, title: b.title, retry }));
        expectFits(buildRolledBack({ kind: 'rolled-back', requestId: b.requestId, title: b.title, retry: undefined }));
        for (const o of [
          { kind: 'booked' as const, booking: b },
          draftFailed,
          { kind: 'failed' as const, failure: f },
          { kind: 'in-progress' as const },
          { kind: 'gone' as const },
          { kind: 'not-yours' as const },
        ]) {
          for (const r of replies(renderBooking(o))) expectFits(r);
        }
        for (const o of [
          { kind: 'cancelled' as const, title: b.title, draftRemoved: removed },
          { kind: 'failed' as const, failure: f },
          { kind: 'gone' as const },
          { kind: 'not-yours' as const },
        ]) {
          for (const r of replies(renderCancel(o))) expectFits(r);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('connect prompts, notices and usage', () => {
    fc.assert(
      fc.property(requestId, many(grant, 40), failure, longText, (id, missing, f, text) => {
        expectFits(buildConnectPrompt(id, missing));
        expectFits(buildConnectPrompt(id, missing, INBOX_CONNECT));
        expectFits(buildServiceFailure(f));
        expectFits(buildInboxFailure(f));
        expectFits(buildInternalError(text));
        expectFits(buildStoreUnavailable(text));
        expectFits(buildUsage(text));
        for (const r of [buildUsage(), buildGone(), buildNotYours(), buildProposalCancelled(), buildInboxHelp(), buildInboxGone(), buildInboxNotYours()]) expectFits(r);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('inbox summaries with up to 500 mails, empty pages and the render of every inbox outcome', () => {
    fc.assert(
      fc.property(inboxView, many(grant, 20), failure, longText, (v, missing, f, reason) => {
        expectFits(buildInboxSummary(v));
        expectFits(buildInboxEmpty(v.filters, false));
        expectFits(buildInboxEmpty(v.filters, true));
        for (const o of [
          { kind: 'summary' as const, view: v },
          { kind: 'empty' as const, filters: v.filters, paging: false },
          { kind: 'needs-connection' as const, requestId: 'r', missing },
          { kind: 'failed' as const, failure: f },
          { kind: 'bad-input' as const, reason },
          { kind: 'gone' as const },
          { kind: 'not-yours' as const },
        ]) {
          expectFits(renderInbox(o).reply);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('the App Home and the preferences modal', () => {
    const prefs = fc.option(
      fc.record({
        startMinute: fc.integer({ min: 0, max: 1439 }),
        endMinute: fc.integer({ min: 1, max: 1440 }),
        days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        defaultMinutes: fc.integer({ min: 5, max: 480 }),
        zone: fc.option(longText, { nil: undefined }),
      }),
      { nil: undefined },
    );
    const status = fc.constantFrom('connected' as const, 'unavailable' as const, 'not-connected' as const, 'expired' as const, 'revoked' as const, 'pending-verification' as const);
    const home: fc.Arbitrary<HomeState> = fc.record({
      connections: many(fc.record({ connector: fc.constantFrom('calendar' as const, 'gmail' as const), status, link: fc.option(url, { nil: undefined }) }), 40),
      prefs,
      slackZone: longText,
    });
    fc.assert(
      fc.property(home, (h) => {
        expectFits(buildHome(h), 'home');
        expectFits(buildPrefsModal(h.prefs, h.slackZone), 'modal');
        const calendars = Array.from({ length: 150 }, (_, i) => ({ id: `c${i}-${h.slackZone}`.slice(0, 200), summary: `${h.slackZone} ${i}`.repeat(20), selected: i % 2 === 0 }));
        expectFits(buildPrefsModal(h.prefs, h.slackZone, calendars), 'modal');
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('the examples the brief names: a note about 300 unseen calendars, 200 attendees, 500 mails', () => {
    const names = Array.from({ length: 300 }, (_, i) => `someone.with.a.rather.long.name.${i}@example.com`);
    const view: ProposalView = {
      requestId: 'r',
      title: 'T'.repeat(200),
      minutes: 30,
      zone: 'America/New_York',
      whenText: 'next week',
      slots: Array.from({ length: 50 }, (_, i) => ({ start: T + i * 3_600_000, end: T + i * 3_600_000 + 30 * MIN })),
      attendees: names.slice(0, 200).map((name, i) => ({ name, zone: ['Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles'][i % 4] })),
      unseen: names,
      hasMore: true,
    };
    const reply = buildProposal(view);
    expectFits(reply);
    expect(JSON.stringify(reply)).toMatch(/\+\d+ more/);
    const mails = Array.from(
      { length: 500 },
      (_, i): MailItem => ({
        id: `m${i}`,
        threadId: `t${i}`,
        from: parseSender(`Sender ${i} <s${i % 50}@x.com>`),
        subject: `${'Subject '.repeat(200)}${i % 3 === 0 ? 'urgent' : ''}`,
        snippet: 's'.repeat(1000),
        receivedAt: T - i * MIN,
      }),
    );
    const inbox = buildInboxSummary({ summary: summarize(mails, new Set(['s1@x.com'])), total: 500, estimate: false, first: 1, shown: 500, filters: {}, zone: 'UTC', now: T });
    expectFits(inbox);
    expect(JSON.stringify(inbox)).toMatch(/\+\d+ more on this page/);
  });
});
