import { describe, expect, it } from 'vitest';
import { isSameSlackUser, readSession, SESSION_TTL_MS, signSession } from '../../src/core/session.js';
import { purposeKey } from '../../src/core/signed-token.js';

const key = purposeKey('a-secret-of-at-least-thirty-two-characters', 'session');
const now = Date.UTC(2025, 2, 10, 12);
const olivia = { teamId: 'T1', userId: 'U1' };

describe('the session cookie', () => {
  it('says who signed in, for 30 minutes', () => {
    const value = signSession(key, olivia, now);
    expect(readSession(key, value, now + SESSION_TTL_MS - 1)).toEqual({ user: olivia, expiresAt: now + 30 * 60_000 });
    expect(readSession(key, value, now + SESSION_TTL_MS)).toBeUndefined();
  });

  it('is no session when missing, forged, tampered with or signed for another purpose', () => {
    const value = signSession(key, olivia, now);
    const [body, sig] = value.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const asSomeoneElse = `${Buffer.from(JSON.stringify({ ...claims, u: 'U2' })).toString('base64url')}.${sig}`;
    const longer = `${Buffer.from(JSON.stringify({ ...claims, x: now + 10 * SESSION_TTL_MS })).toString('base64url')}.${sig}`;
    for (const bad of [
      undefined,
      '',
      'garbage',
      asSomeoneElse,
      longer,
      `${value}x`,
      signSession('some-other-key', olivia, now),
      signSession(purposeKey('a-secret-of-at-least-thirty-two-characters', 'connect-link'), olivia, now),
    ]) {
      expect(readSession(key, bad, now)).toBeUndefined();
    }
  });
});

describe('who owns a Connect link', () => {
  it('is the same user in the same workspace', () => {
    expect(isSameSlackUser(olivia, olivia)).toBe(true);
    expect(isSameSlackUser({ teamId: 'T1', userId: 'U2' }, olivia)).toBe(false);
    expect(isSameSlackUser({ teamId: 'T2', userId: 'U1' }, olivia)).toBe(false);
  });

  it('on an org-wide Enterprise Grid install, the same user of the same organization in any workspace', () => {
    const owner = { teamId: 'T1', userId: 'W1', enterpriseId: 'E1' };
    expect(isSameSlackUser({ teamId: 'T7', userId: 'W1', enterpriseId: 'E1' }, owner)).toBe(true);
    expect(isSameSlackUser({ teamId: 'T1', userId: 'W1' }, owner)).toBe(false);
    expect(isSameSlackUser({ teamId: 'T1', userId: 'W1', enterpriseId: 'E2' }, owner)).toBe(false);
  });
});
