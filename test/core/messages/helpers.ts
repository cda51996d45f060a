import { expect } from 'vitest';
import type { Booked, MissingGrant, GrantProblem, ProposalView } from '../../../src/core/outcomes.js';
import type { Block, Button, Reply } from '../../../src/core/messages/types.js';
import { slackLimitViolations, type Surface } from './limits.js';

export const GRANT_PROBLEMS: readonly GrantProblem[] = ['not-connected', 'pending-verification', 'expired', 'revoked', 'unauthorized', 'insufficient-scope', 'admin-blocked'];

/** 2026-03-10 03:30Z, which is 09:00 in Kolkata. */
export const SLOT_START = Date.UTC(2026, 2, 10, 3, 30);
const MIN = 60_000;

export function view(over: Partial<ProposalView> = {}): ProposalView {
  return {
    requestId: 'req-1',
    title: 'Weekly sync',
    minutes: 30,
    zone: 'Asia/Kolkata',
    whenText: 'the next 5 working days',
    slots: [0, 1, 2].map((d) => ({ start: SLOT_START + d * 24 * 60 * MIN, end: SLOT_START + d * 24 * 60 * MIN + 30 * MIN })),
    attendees: [{ name: 'Alice', zone: 'Europe/London' }, { name: 'Bob' }],
    unseen: [],
    hasMore: true,
    ...over,
  };
}

export function booked(over: Partial<Booked> = {}): Booked {
  return {
    requestId: 'req-1',
    title: 'Weekly sync',
    slot: { start: SLOT_START, end: SLOT_START + 30 * MIN },
    zone: 'Asia/Kolkata',
    attendees: [{ name: 'Alice', zone: 'Europe/London' }, { name: 'Bob' }],
    eventLink: 'https://calendar.google.com/event?eid=abc',
    draftLink: 'https://mail.google.com/mail/?authuser=olga%40example.com#drafts?compose=r123',
    ...over,
  };
}

export function grant(problem: GrantProblem, connector: MissingGrant['connector'] = 'calendar'): MissingGrant {
  return {
    connector,
    problem,
    ...(problem === 'admin-blocked' ? {} : { link: `https://auth.example.com/magic/${connector}/${problem}` }),
    ...(problem === 'insufficient-scope' ? { scope: 'https://www.googleapis.com/auth/calendar.events' } : {}),
  };
}

function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    visit(obj);
    for (const child of Object.values(obj)) walk(child, visit);
  }
}

/** Every string shown to the user in the blocks: all `text` fields, at any depth. */
export function texts(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  walk(blocks, (obj) => {
    if (typeof obj.text === 'string') out.push(obj.text);
  });
  return out;
}

export const allText = (reply: Reply): string => texts(reply.blocks).join('\n');

export function buttons(blocks: readonly Block[]): Button[] {
  const out: Button[] = [];
  walk(blocks, (obj) => {
    if (obj.type === 'button') out.push(obj as unknown as Button);
  });
  return out;
}

export const buttonNamed = (reply: Reply, label: string): Button | undefined => buttons(reply.blocks).find((b) => b.text.text === label);

/** Slack's Block Kit limits, over the whole JSON (see `limits.ts`); a reply that breaks one is rejected outright. */
export function expectWithinSlackLimits(reply: Reply, surface: Surface = 'message'): void {
  expect(slackLimitViolations(reply, surface)).toEqual([]);
}
