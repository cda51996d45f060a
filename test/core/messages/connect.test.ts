import { describe, expect, it } from 'vitest';
import { ACTION, decodeRequest } from '../../../src/core/messages/actions.js';
import { buildConnectPrompt } from '../../../src/core/messages/connect.js';
import type { Block } from '../../../src/core/messages/types.js';
import type { GrantProblem } from '../../../src/core/outcomes.js';
import { allText, buttonNamed, buttons, expectWithinSlackLimits, grant, GRANT_PROBLEMS, texts } from './helpers.js';

const firstSection = (blocks: readonly Block[]) => {
  const block = blocks[0];
  if (block?.type !== 'section') throw new Error('expected a section first');
  return block;
};

const EXPECTED: Record<GrantProblem, RegExp> = {
  'not-connected': /Connect Google Calendar\*.*see when you are free/,
  'pending-verification': /waiting for you to finish connecting/,
  expired: /access has expired/,
  revoked: /access was removed.*revoked/,
  unauthorized: /Google turned down your Google Calendar access/,
  'insufficient-scope': /missing a permission.*`https:\/\/www\.googleapis\.com\/auth\/calendar\.events`/,
  'admin-blocked': /administrator.*blocks this app.*Only your admin/,
};

describe('buildConnectPrompt', () => {
  it.each(GRANT_PROBLEMS)('%s has its own message', (problem) => {
    const reply = buildConnectPrompt('req-1', [grant(problem)]);
    expect(firstSection(reply.blocks).text?.text).toMatch(EXPECTED[problem]);
    expectWithinSlackLimits(reply);
  });

  it('gives every problem a different message', () => {
    const messages = GRANT_PROBLEMS.map((p) => firstSection(buildConnectPrompt('r', [grant(p)]).blocks).text?.text);
    expect(new Set(messages).size).toBe(GRANT_PROBLEMS.length);
  });

  it.each(GRANT_PROBLEMS.filter((p) => p !== 'admin-blocked'))('%s gets a URL button with the user’s own link', (problem) => {
    const accessory = firstSection(buildConnectPrompt('req-1', [grant(problem)]).blocks).accessory;
    if (accessory?.type !== 'button') throw new Error('expected a button');
    expect(accessory.url).toBe(`https://auth.example.com/magic/calendar/${problem}`);
    expect(accessory.action_id).toBe(ACTION.openLink);
    const verb = problem === 'not-connected' || problem === 'pending-verification' ? 'Connect' : 'Reconnect';
    expect(accessory.text.text).toBe(`${verb} Google Calendar`);
  });

  it('admin-blocked has no link button and points at the administrator', () => {
    const reply = buildConnectPrompt('req-1', [grant('admin-blocked', 'gmail')]);
    expect(firstSection(reply.blocks).accessory).toBeUndefined();
    expect(buttons(reply.blocks).some((b) => b.url !== undefined)).toBe(false);
    expect(allText(reply)).toMatch(/administrator.*Gmail/);
  });

  it('one URL button per missing grant, for both connectors', () => {
    const reply = buildConnectPrompt('req-1', [grant('not-connected', 'calendar'), grant('expired', 'gmail')]);
    const urls = buttons(reply.blocks).filter((b) => b.url !== undefined);
    expect(urls.map((b) => b.text.text)).toEqual(['Connect Google Calendar', 'Reconnect Gmail']);
    expect(urls.map((b) => b.url)).toEqual(['https://auth.example.com/magic/calendar/not-connected', 'https://auth.example.com/magic/gmail/expired']);
    expect(reply.text).toBe('Google access needed: Google Calendar and Gmail');
    expect(allText(buildConnectPrompt('r', [grant('not-connected', 'gmail')]))).toMatch(/Connect Gmail\*.*draft the follow-up email.*never send/);
    expectWithinSlackLimits(reply);
  });

  it('has Continue and Cancel buttons for the request', () => {
    const reply = buildConnectPrompt('req-7', [grant('not-connected')]);
    const cont = buttonNamed(reply, 'Continue');
    const cancel = buttonNamed(reply, 'Cancel');
    expect(cont?.action_id).toBe(ACTION.continueRequest);
    expect(cancel?.action_id).toBe(ACTION.cancelProposal);
    expect(decodeRequest(cont?.value)).toEqual({ r: 'req-7' });
    expect(decodeRequest(cancel?.value)).toEqual({ r: 'req-7' });
    expect(reply.blocks.at(-1)?.type).toBe('actions');
  });

  it('omits the scope when it is unknown and escapes it when given', () => {
    const noScope = texts(buildConnectPrompt('r', [{ connector: 'gmail', problem: 'insufficient-scope', link: 'https://l' }]).blocks);
    expect(noScope[0]).toMatch(/missing a permission\*\. /);
    const odd = texts(buildConnectPrompt('r', [{ connector: 'gmail', problem: 'insufficient-scope', scope: '<!here>' }]).blocks);
    expect(odd[0]).toContain('&lt;!here&gt;');
  });
});
