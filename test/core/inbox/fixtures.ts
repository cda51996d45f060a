import type { InboxView } from '../../../src/core/inbox/outcome.js';
import { parseSender, summarize, type MailItem } from '../../../src/core/inbox/summary.js';

/** Tue 10 Mar 2026 12:00Z (17:30 in Kolkata). */
export const T = Date.UTC(2026, 2, 10, 12);
let n = 0;

export function mail(over: Partial<MailItem> & { fromHeader?: string } = {}): MailItem {
  n += 1;
  const { fromHeader, ...rest } = over;
  return {
    id: `m${String(n).padStart(3, '0')}`,
    threadId: `t${n}`,
    from: parseSender(fromHeader ?? `person${n}@ext.test`),
    subject: `Subject ${n}`,
    snippet: 'Nothing special',
    receivedAt: T - n * 60_000,
    ...rest,
  };
}

/** A summary page of these messages, as the flow would make it. */
export function viewOf(items: MailItem[], over: Partial<InboxView> = {}, colleagues: string[] = []): InboxView {
  return {
    summary: summarize(items, new Set(colleagues)),
    total: items.length,
    estimate: false,
    first: 1,
    shown: items.length,
    filters: {},
    zone: 'Asia/Kolkata',
    now: T,
    ...over,
  };
}
