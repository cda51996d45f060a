import { describe, expect, it } from 'vitest';
import { buildGone, buildInternalError, buildNotYours, buildProposalCancelled, buildServiceFailure } from '../../../src/core/messages/notices.js';
import { allText, buttons, expectWithinSlackLimits } from './helpers.js';

describe('notices', () => {
  it('not-yours, gone, cancelled and internal error say what happened', () => {
    expect(allText(buildNotYours())).toMatch(/belongs to someone else.*did nothing/);
    expect(allText(buildGone())).toMatch(/expired or was already closed/);
    expect(allText(buildProposalCancelled())).toMatch(/Nothing was booked/);
    expect(allText(buildInternalError('ref-42'))).toMatch(/nothing was booked.*`ref-42`/);
    for (const reply of [buildNotYours(), buildGone(), buildProposalCancelled(), buildInternalError('x')]) {
      expect(buttons(reply.blocks)).toEqual([]);
      expectWithinSlackLimits(reply);
    }
  });
});

describe('buildServiceFailure', () => {
  it.each([
    [undefined, 'in 1 minute;'],
    [0, 'in 1 minute;'],
    [30, 'in 1 minute;'],
    [60, 'in 1 minute;'],
    [61, 'in 2 minutes;'],
    [600, 'in 10 minutes;'],
  ])('rate-limited with retry-after %s says %s', (retryAfterSeconds, expected) => {
    const text = allText(buildServiceFailure({ kind: 'rate-limited', connector: 'gmail', retryAfterSeconds }));
    expect(text).toContain(expected);
    expect(text).toContain('your Gmail');
    expect(text).toContain('nothing was booked');
  });

  it('unavailable names the service', () => {
    expect(allText(buildServiceFailure({ kind: 'unavailable', connector: 'calendar' }))).toMatch(/Google Calendar isn’t answering.*nothing was booked/);
  });

  it('auth service unavailable talks about the connections service', () => {
    const reply = buildServiceFailure({ kind: 'auth-service-unavailable' });
    expect(allText(reply)).toMatch(/can’t reach the service that holds your Google connections/);
    expectWithinSlackLimits(reply);
  });
});
