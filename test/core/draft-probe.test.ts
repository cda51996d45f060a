import { describe, expect, it } from 'vitest';
import { buildDraftRaw } from '../../src/core/draft-email.js';
import { draftMessageId } from '../../src/core/draft-probe.js';

const SLOT = { start: Date.UTC(2030, 0, 7, 15), end: Date.UTC(2030, 0, 7, 15, 30) };
const headersOf = (raw: string) => Buffer.from(raw, 'base64url').toString('utf8').split('\r\n\r\n')[0]?.split('\r\n') ?? [];

describe('draftMessageId', () => {
  it('is an RFC 5322 msg-id of the bot’s own, the same for one booking attempt and new for the next', () => {
    const id = draftMessageId('3f9a0c', 2, SLOT.start);
    expect(id).toMatch(/^<sched-3f9a0c-2-[0-9a-z]+@scheduler\.invalid>$/);
    expect(draftMessageId('3f9a0c', 2, SLOT.start)).toBe(id);
    expect(draftMessageId('3f9a0c', 3, SLOT.start)).not.toBe(id);
    expect(draftMessageId('3f9a0c', 2, SLOT.start + 900_000)).not.toBe(id);
  });

  it('hashes a request id with characters a Message-ID may not hold', () => {
    expect(draftMessageId('a b<c>@d', 0, SLOT.start)).toMatch(/^<sched-[0-9a-f]{32}-0-[0-9a-z]+@scheduler\.invalid>$/);
  });

  it('goes into the draft as its Message-ID header, and is left out when not given', () => {
    const input = { to: ['a@x.test'], title: 'Sync', slot: SLOT, zone: 'UTC', eventLink: 'https://e', organizerName: 'O' };
    const id = draftMessageId('r1', 0, SLOT.start);
    expect(headersOf(buildDraftRaw({ ...input, messageId: id }))).toContain(`Message-ID: ${id}`);
    expect(headersOf(buildDraftRaw(input)).some((h) => h.startsWith('Message-ID'))).toBe(false);
  });
});
