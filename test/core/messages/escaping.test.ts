import { describe, expect, it } from 'vitest';
import { buildConfirmation, buildDraftFailed, buildMeetingCancelled } from '../../../src/core/messages/booking.js';
import { buildConnectPrompt } from '../../../src/core/messages/connect.js';
import { buildGone, buildInternalError, buildNotYours, buildProposalCancelled, buildServiceFailure } from '../../../src/core/messages/notices.js';
import { buildNoSlots, buildProposal } from '../../../src/core/messages/proposal.js';
import { renderBooking, renderCancel, renderProposal } from '../../../src/core/messages/render.js';
import type { Reply } from '../../../src/core/messages/types.js';
import { buildUsage } from '../../../src/core/messages/usage.js';
import { MAX_TITLE_LENGTH } from '../../../src/core/parse-schedule.js';
import { booked, expectWithinSlackLimits, grant, GRANT_PROBLEMS, texts, view } from './helpers.js';
import { outcomes } from './outcomes.js';

const HOSTILE = '<!channel> <@U1>';

/** Every reply any builder or renderer makes, for one title. */
function everyReply(title: string): Array<[string, Reply]> {
  const all: Array<[string, Reply]> = [
    ['proposal', buildProposal(view({ title, unseen: [title, 'bo@x.com'], attendees: [{ name: title, zone: 'Europe/London' }, { name: title }] }))],
    ['no-slots', buildNoSlots(title, 'next week', [title])],
    [
      'connect (all problems)',
      buildConnectPrompt(
        'req-1',
        GRANT_PROBLEMS.map((p) => grant(p)),
      ),
    ],
    ['confirmation', buildConfirmation(booked({ title, attendees: [{ name: title, zone: 'Asia/Tokyo' }], meetLink: 'https://meet.google.com/abc-defg-hij' }))],
    ['draft failed', buildDraftFailed({ kind: 'draft-failed', requestId: 'r', title, reason: title, eventRemoved: false })],
    ['draft failed + retry', buildDraftFailed({ kind: 'draft-failed', requestId: 'r', title, reason: 'x', eventRemoved: true, retry: view({ title }) })],
    ['draft failed + grant', buildDraftFailed({ kind: 'draft-failed', requestId: 'r', title, reason: 'x', eventRemoved: true, missing: grant('revoked', 'gmail') })],
    ['meeting cancelled', buildMeetingCancelled(title, false)],
    ['usage', buildUsage()],
    ['usage with reason', buildUsage(`but got “${title}”`)],
    ['rate limited', buildServiceFailure({ kind: 'rate-limited', connector: 'calendar', retryAfterSeconds: 90 })],
    ['auth down', buildServiceFailure({ kind: 'auth-service-unavailable' })],
    ['gone', buildGone()],
    ['not yours', buildNotYours()],
    ['proposal cancelled', buildProposalCancelled()],
    ['internal error', buildInternalError('ref-1')],
  ];
  const o = outcomes(title);
  for (const x of Object.values(o.proposal)) all.push([`render proposal ${x.kind}`, renderProposal(x).reply ?? buildGone()]);
  for (const x of Object.values(o.booking)) all.push([`render booking ${x.kind}`, renderBooking(x).reply ?? buildGone()]);
  for (const x of Object.values(o.cancel)) all.push([`render cancel ${x.kind}`, renderCancel(x).reply ?? buildGone()]);
  return all;
}

describe('every builder', () => {
  it.each(everyReply(HOSTILE))('%s never shows a user title as live markup', (_name, reply) => {
    for (const text of [...texts(reply.blocks), reply.text]) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<@U1>');
    }
  });

  it('shows the hostile title escaped where it shows it', () => {
    expect(texts(buildProposal(view({ title: HOSTILE })).blocks).join('\n')).toContain('&lt;!channel&gt; &lt;@U1&gt;');
  });

  it('shows hostile attendee names escaped, in the list of who and beside their local time', () => {
    const proposal = texts(buildProposal(view({ attendees: [{ name: HOSTILE, zone: 'Europe/London' }] })).blocks).join('\n');
    expect(proposal).toContain(`with &lt;!channel&gt; &lt;@U1&gt;`);
    expect(proposal).toContain('for &lt;!channel&gt; &lt;@U1&gt;, London');
    const confirmation = texts(buildConfirmation(booked({ attendees: [{ name: HOSTILE, zone: 'Europe/London' }] })).blocks).join('\n');
    expect(confirmation).toContain('*Who:* &lt;!channel&gt; &lt;@U1&gt;');
  });

  it('the only < in any reply open the bot’s own date tokens and links', () => {
    for (const [, reply] of everyReply(HOSTILE)) {
      for (const text of [...texts(reply.blocks), reply.text]) {
        const stray = text.replace(/<!date\^\d+\^[^|^<>]*\|[^<>]*>|<https?:\/\/[^|<>\s]+\|[^<>]*>/g, '');
        expect(stray).not.toMatch(/[<>]/);
      }
    }
  });

  it.each(everyReply('&'.repeat(MAX_TITLE_LENGTH)))('%s stays within Slack limits with the longest title', (_name, reply) => {
    expectWithinSlackLimits(reply);
  });

  it.each(everyReply('Weekly sync'))('%s stays within Slack limits', (_name, reply) => {
    expectWithinSlackLimits(reply);
  });
});
