import { describe, expect, it } from 'vitest';
import { MAX_FILTER_LENGTH, MAX_PAGE } from '../../../src/core/inbox/ask.js';
import { hmacCursorSeal, MAX_BUTTON_VALUE, type InboxCursor } from '../../../src/core/inbox/cursor.js';

const NOW = Date.UTC(2026, 2, 10, 12);
const seal = hmacCursorSeal('a-secret-of-at-least-32-characters!!');

const cursor = (over: Partial<InboxCursor> = {}): InboxCursor => ({
  owner: { teamId: 'T1', userId: 'U1' },
  ask: { limit: 10, from: { kind: 'text', value: 'boss@company.com' }, range: { kind: 'today' } },
  at: NOW,
  zone: 'Asia/Kolkata',
  pageToken: '00000000000000000010',
  offset: 10,
  expiresAt: NOW + 60_000,
  ...over,
});

describe('hmacCursorSeal', () => {
  it('round-trips a cursor', () => {
    const c = cursor({ owner: { teamId: 'T1', userId: 'U1', enterpriseId: 'E1' } });
    expect(seal.open(seal.seal(c) ?? '', NOW)).toEqual(c);
  });

  it('fits in a button value even with the longest filters and page token', () => {
    const long = 'x'.repeat(MAX_FILTER_LENGTH);
    const value = seal.seal(
      cursor({
        ask: { limit: MAX_PAGE, from: { kind: 'text', value: long }, label: long, range: { kind: 'hours', hours: 8784 } },
        pageToken: '9'.repeat(200),
        zone: 'America/Argentina/ComodRivadavia',
      }),
    );
    expect(value).toBeDefined();
    expect(value?.length ?? Infinity).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
  });

  it('refuses to make a value that would not fit', () => {
    expect(seal.seal(cursor({ pageToken: 'x'.repeat(3000) }))).toBeUndefined();
  });

  it('rejects a changed value, another bot’s value and an expired one', () => {
    const value = seal.seal(cursor()) ?? '';
    const [body, mac] = value.split('.') as [string, string];
    const forgedBody = Buffer.from(Buffer.from(body, 'base64url').toString().replace('"U1"', '"U2"')).toString('base64url');
    expect(seal.open(`${forgedBody}.${mac}`, NOW)).toBeUndefined();
    expect(seal.open(`${body}.${mac.slice(0, -2)}`, NOW)).toBeUndefined();
    expect(seal.open(`${value}.x`, NOW)).toBeUndefined();
    expect(hmacCursorSeal('another-secret-of-at-least-32-chars!!').open(value, NOW)).toBeUndefined();
    expect(seal.open(value, NOW + 60_000)).toBeUndefined();
    expect(seal.open('', NOW)).toBeUndefined();
    expect(seal.open('not.base64-json', NOW)).toBeUndefined();
  });
});
