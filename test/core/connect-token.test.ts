import { describe, expect, it } from 'vitest';
import { CONNECT_LINK_TTL_MS, readConnectToken, signConnectToken } from '../../src/core/connect-token.js';
import { purposeKey } from '../../src/core/signed-token.js';

const key = purposeKey('a-secret-of-at-least-thirty-two-characters', 'connect-link');
const now = Date.UTC(2025, 2, 10, 12);
const owner = { teamId: 'T1', userId: 'U1' };

describe('the token a Connect button carries', () => {
  it('names the owner, the connector and the waiting request, until it expires', () => {
    const token = signConnectToken(key, { owner, connector: 'gmail', resumeId: 'req-1' }, now);
    expect(readConnectToken(key, token, now + 1000)).toEqual({
      kind: 'ok',
      start: { owner, connector: 'gmail', resumeId: 'req-1', expiresAt: now + CONNECT_LINK_TTL_MS },
    });
    expect(readConnectToken(key, token, now + CONNECT_LINK_TTL_MS)).toEqual({ kind: 'invalid', why: 'expired' });
  });

  it('keeps the enterprise of an org-wide install, and works without a waiting request', () => {
    const token = signConnectToken(key, { owner: { ...owner, enterpriseId: 'E1' }, connector: 'calendar' }, now);
    const read = readConnectToken(key, token, now);
    expect(read.kind === 'ok' && read.start).toMatchObject({ owner: { teamId: 'T1', userId: 'U1', enterpriseId: 'E1' }, connector: 'calendar', resumeId: undefined });
  });

  it('refuses a token changed to name someone else, signed with another key, or made for another purpose', () => {
    const token = signConnectToken(key, { owner, connector: 'gmail' }, now);
    const [body, sig] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, u: 'U2' })).toString('base64url')}.${sig}`;
    expect(readConnectToken(key, forged, now)).toEqual({ kind: 'invalid', why: 'tampered' });
    expect(readConnectToken(purposeKey('another-secret-of-thirty-two-characters!', 'connect-link'), token, now)).toEqual({ kind: 'invalid', why: 'tampered' });
    expect(readConnectToken(purposeKey('a-secret-of-at-least-thirty-two-characters', 'session'), token, now)).toEqual({ kind: 'invalid', why: 'tampered' });
  });

  it('refuses what is not a token at all', () => {
    for (const junk of ['', 'abc', 'a.b.c', `${'x'.repeat(5000)}.y`]) expect(readConnectToken(key, junk, now).kind).toBe('invalid');
  });
});
