import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildDraftRaw, draftBody, draftSubject, gmailDraftLink, gmailDraftsLink, type DraftInput } from '../../src/core/draft-email.js';

const start = DateTime.fromISO('2026-03-10T03:30', { zone: 'UTC' }).toMillis();
const input = (over: Partial<DraftInput> = {}): DraftInput => ({
  to: ['alice@example.com', 'bob@example.org'],
  title: 'Weekly sync',
  slot: { start, end: start + 45 * 60_000 },
  zone: 'Asia/Kolkata',
  eventLink: 'https://calendar.google.com/event?eid=abc123',
  organizerName: 'Olga Organizer',
  ...over,
});

interface Parsed {
  headers: string[];
  body: string;
}

function decode(raw: string): Parsed {
  expect(raw).toMatch(/^[A-Za-z0-9_-]*$/);
  const message = Buffer.from(raw, 'base64url').toString('utf8');
  const split = message.indexOf('\r\n\r\n');
  expect(split).toBeGreaterThan(0);
  const headers = message.slice(0, split).split('\r\n');
  const encodedBody = message.slice(split + 4);
  for (const line of encodedBody.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
  return { headers, body: Buffer.from(encodedBody.replace(/\r\n/g, ''), 'base64').toString('utf8') };
}

const header = (p: Parsed, name: string) => p.headers.filter((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`));

function decodeWord(value: string): string {
  const m = value.match(/^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/);
  if (!m?.[1]) throw new Error(`not an RFC 2047 encoded-word: ${value}`);
  return Buffer.from(m[1], 'base64').toString('utf8');
}

describe('buildDraftRaw', () => {
  it('is a base64url RFC 2822 message with To, Subject and MIME headers', () => {
    const p = decode(buildDraftRaw(input()));
    expect(p.headers).toEqual([
      'To: alice@example.com, bob@example.org',
      'Subject: Weekly sync (Tue 10 Mar, 09:00 GMT+5:30): a note from Olga Organizer',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Transfer-Encoding: base64',
    ]);
  });

  it('encodes a non-ASCII subject as an RFC 2047 encoded-word', () => {
    const p = decode(buildDraftRaw(input({ title: 'Café sync ✓' })));
    const [subject] = header(p, 'Subject');
    const value = subject?.slice('Subject: '.length) ?? '';
    expect(value).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeWord(value)).toBe('Café sync ✓ (Tue 10 Mar, 09:00 GMT+5:30): a note from Olga Organizer');
    expect(p.body).toContain('"Café sync ✓"');
  });

  it('a title with CR/LF cannot add headers', () => {
    for (const title of ['Sync\r\nBcc: evil@x.com', 'Sync\nBcc: evil@x.com', 'Sync\rBcc: evil@x.com', 'Sync\r\n\r\nbody']) {
      const p = decode(buildDraftRaw(input({ title })));
      expect(header(p, 'Bcc')).toEqual([]);
      expect(p.headers).toHaveLength(5);
      expect(header(p, 'Subject')).toHaveLength(1);
    }
  });

  it('no title or address can add a header line (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 3 }), (title, to) => {
        const p = decode(buildDraftRaw(input({ title, to })));
        expect(p.headers.map((h) => h.split(':')[0])).toEqual(['To', 'Subject', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
      }),
      { numRuns: 300 },
    );
  });

  it('the body holds the event link, organizer and the time in the given zone', () => {
    const p = decode(buildDraftRaw(input()));
    expect(p.body).toContain('Calendar event: https://calendar.google.com/event?eid=abc123');
    expect(p.body).toContain('Tuesday, March 10 at 09:00–09:45');
    expect(p.body).toContain('Asia/Kolkata, 45 min');
    expect(p.body).toContain('Olga Organizer');
    expect(p.body).toContain('"Weekly sync"');
    expect(p.body.split('\r\n')[0]).toBe('Hi,');
  });

  it('shows the same instant in New York time for a New York organizer', () => {
    const p = decode(buildDraftRaw(input({ zone: 'America/New_York', slot: { start, end: start + 90 * 60_000 } })));
    expect(p.body).toContain('Monday, March 9 at 23:30–01:00');
    expect(p.body).toContain('1 h 30 min');
  });

  it('gives each attendee’s zone its own time where known, and the Meet link when there is one', () => {
    const attendees = [
      { name: 'Alice', zone: 'Europe/London' },
      { name: 'Bob' },
      { name: 'Cy', zone: 'America/Los_Angeles' },
      { name: 'Dee', zone: 'Europe/London' },
      { name: 'Di', zone: 'Asia/Kolkata' },
    ];
    const body = decode(buildDraftRaw(input({ attendees, meetLink: 'https://meet.google.com/abc-defg-hij' }))).body;
    expect(body).toContain('In your time zones that is:\r\n- Alice and Dee (London): Tuesday, March 10 at 03:30–04:15 GMT\r\n- Cy (Los Angeles): Monday, March 9 at 20:30–21:15 PDT');
    // Bob's zone is unknown and Di's clock is the organizer's: the main line already says it.
    expect(body).not.toMatch(/Bob|Di \(/);
    expect(body).toContain('Join with Google Meet: https://meet.google.com/abc-defg-hij');
  });

  it('says nothing of other zones when nobody is in one', () => {
    expect(draftBody(input({ attendees: [{ name: 'Di', zone: 'Asia/Kolkata' }, { name: 'Bob' }] }))).not.toContain('time zones');
  });

  it('wraps long bodies at 76 base64 characters and still decodes them', () => {
    const title = 'Ü'.repeat(200);
    expect(decode(buildDraftRaw(input({ title }))).body).toBe(draftBody(input({ title })));
  });
});

describe('draftSubject', () => {
  it('reads as a note from the organizer, with title and time, not as Google’s invitation', () => {
    const subject = draftSubject(input({ title: 'Sync' }));
    expect(subject).toBe('Sync (Tue 10 Mar, 09:00 GMT+5:30): a note from Olga Organizer');
    expect(subject).not.toMatch(/^Invitation/);
    expect(draftSubject(input({ zone: 'America/New_York' }))).toBe('Weekly sync (Mon 9 Mar, 23:30 EDT): a note from Olga Organizer');
  });

  it('without an organizer name it still reads as a personal note', () => {
    expect(draftSubject(input({ organizerName: '' }))).toBe('Weekly sync (Tue 10 Mar, 09:00 GMT+5:30): a note before we meet');
  });

  it('keeps a very long title to one reasonable line', () => {
    const subject = draftSubject(input({ title: 'x'.repeat(5000) }));
    expect(subject.length).toBeLessThan(250);
    expect(subject).toContain('…');
  });
});

describe('Gmail links', () => {
  it('open the draft in the organizer’s own account, never /u/0/', () => {
    expect(gmailDraftLink('r-123abc', 'olga@example.com')).toBe('https://mail.google.com/mail/?authuser=olga%40example.com#drafts?compose=r-123abc');
    expect(gmailDraftLink('a b&c', 'olga@example.com')).toBe('https://mail.google.com/mail/?authuser=olga%40example.com#drafts?compose=a%20b%26c');
    expect(gmailDraftsLink('olga@example.com')).toBe('https://mail.google.com/mail/?authuser=olga%40example.com#drafts');
  });

  it('leave the account to Gmail when the address is unknown', () => {
    expect(gmailDraftLink('m1', undefined)).toBe('https://mail.google.com/mail/#drafts?compose=m1');
    expect(gmailDraftLink('m1', ' ')).toBe('https://mail.google.com/mail/#drafts?compose=m1');
    expect(gmailDraftLink('m1', undefined)).not.toContain('/u/0');
  });
});
