import { describe, expect, it } from 'vitest';
import type { InboxOutcome } from '../../../src/core/inbox/outcome.js';
import { ACTION, decodeRequest } from '../../../src/core/messages/actions.js';
import { buildConnectPrompt } from '../../../src/core/messages/connect.js';
import { buildInboxFailure, buildInboxHelp, INBOX_CONNECT, renderInbox } from '../../../src/core/messages/inbox-notices.js';
import { mail, viewOf } from '../inbox/fixtures.js';
import type { ByKind } from './outcomes.js';
import { allText, buttonNamed, buttons, expectWithinSlackLimits, grant } from './helpers.js';

const OUTCOMES: ByKind<InboxOutcome> = {
  summary: { kind: 'summary', view: viewOf([mail()]) },
  empty: { kind: 'empty', filters: {}, paging: false },
  'needs-connection': { kind: 'needs-connection', requestId: 'req-9', missing: [grant('not-connected', 'gmail')] },
  failed: { kind: 'failed', failure: { kind: 'unavailable', connector: 'gmail' } },
  'bad-input': { kind: 'bad-input', reason: 'No <!channel> here' },
  gone: { kind: 'gone' },
  'not-yours': { kind: 'not-yours' },
};

describe('renderInbox', () => {
  it.each(Object.values(OUTCOMES))('$kind renders within Slack limits', (o) => {
    expectWithinSlackLimits(renderInbox(o).reply);
  });

  it('answers a click in the chosen place, but never over another person’s message', () => {
    expect(renderInbox(OUTCOMES.summary, 'beside').placement).toBe('beside');
    expect(renderInbox(OUTCOMES.summary).placement).toBe('replace');
    expect(renderInbox(OUTCOMES['not-yours'], 'replace')).toMatchObject({ placement: 'beside' });
    expect(renderInbox(OUTCOMES['not-yours']).reply.text).toContain('belongs to someone else');
  });

  it('escapes the bad-input reason', () => {
    expect(allText(renderInbox(OUTCOMES['bad-input']).reply)).toContain('&lt;!channel&gt;');
  });

  it('the connect prompt continues the inbox ask, not a /schedule request, and explains why Gmail', () => {
    const reply = renderInbox(OUTCOMES['needs-connection']).reply;
    const cont = buttonNamed(reply, 'Continue');
    expect(cont?.action_id).toBe(ACTION.inboxContinue);
    expect(decodeRequest(cont?.value)).toEqual({ r: 'req-9' });
    expect(buttonNamed(reply, 'Cancel')).toBeUndefined();
    expect(allText(reply)).toContain('read your unread email');
    expect(allText(reply)).not.toContain('draft the follow-up');
    expect(buttonNamed(reply, 'Connect Gmail')?.url).toBe('https://auth.example.com/magic/gmail/not-connected');
  });

  it('a missing read scope is named in the prompt', () => {
    const reply = buildConnectPrompt('r', [{ connector: 'gmail', problem: 'insufficient-scope', scope: 'https://www.googleapis.com/auth/gmail.readonly', link: 'https://l' }], INBOX_CONNECT);
    expect(allText(reply)).toContain('`https://www.googleapis.com/auth/gmail.readonly`');
    expect(buttonNamed(reply, 'Reconnect Gmail')?.url).toBe('https://l');
  });

  it('leaves /schedule’s prompt as it was', () => {
    const reply = buildConnectPrompt('r', [grant('not-connected', 'gmail')]);
    expect(buttonNamed(reply, 'Continue')?.action_id).toBe(ACTION.continueRequest);
    expect(buttonNamed(reply, 'Cancel')?.action_id).toBe(ACTION.cancelProposal);
    expect(allText(reply)).toContain('draft the follow-up');
  });
});

describe('inbox notices', () => {
  it('the help names /schedule and the mail asks', () => {
    const reply = buildInboxHelp();
    expect(allText(reply)).toContain('/schedule @alice');
    expect(allText(reply)).toContain('`unread from boss@company.com`');
    expect(allText(reply)).toContain('Only you see your email summary');
    expect(buttons(reply.blocks)).toEqual([]);
    expectWithinSlackLimits(reply);
  });

  it.each([
    [{ kind: 'rate-limited', connector: 'gmail', retryAfterSeconds: 150 } as const, 'in 3 minutes'],
    [{ kind: 'rate-limited', connector: 'gmail' } as const, 'in 1 minute.'],
    [{ kind: 'unavailable', connector: 'gmail' } as const, 'Gmail isn’t answering'],
    [{ kind: 'auth-service-unavailable' } as const, 'holds your Google connections'],
  ])('%j says “%s” and nothing about bookings', (failure, words) => {
    const reply = buildInboxFailure(failure);
    expect(allText(reply)).toContain(words);
    expect(allText(reply)).not.toContain('booked');
  });
});
