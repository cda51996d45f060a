import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { slackDirectory } from '../../../src/adapters/slack/directory.js';

function fakeClient(fail = false) {
  const calls: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        calls.push(user);
        if (fail && calls.length === 1) throw Object.assign(new Error('slack down'), { data: { error: 'internal_error' } });
        return { ok: true, user: { id: user, name: user.toLowerCase(), tz: 'Europe/London', profile: { email: `${user}@acme.test` } } };
      },
    },
  };
  return { client: client as unknown as WebClient, calls };
}

describe('slackDirectory', () => {
  it('asks Slack once per person for a few minutes, across requests on the same client', async () => {
    const { client, calls } = fakeClient();
    const clock = { now: 0 };
    await slackDirectory(client, () => clock.now).person('U1');
    await Promise.all([slackDirectory(client, () => clock.now).person('U1'), slackDirectory(client, () => clock.now).person('U2')]);
    expect(calls).toEqual(['U1', 'U2']);
    clock.now = 5 * 60_000;
    expect(await slackDirectory(client, () => clock.now).person('U1')).toMatchObject({ kind: 'person', zone: 'Europe/London' });
    expect(calls).toEqual(['U1', 'U2', 'U1']);
  });

  it('does not keep a failed look-up, and another workspace’s client has its own', async () => {
    const { client, calls } = fakeClient(true);
    await expect(slackDirectory(client).person('U1')).rejects.toThrow();
    expect(await slackDirectory(client).person('U1')).toMatchObject({ kind: 'person' });
    const other = fakeClient();
    await slackDirectory(other.client).person('U1');
    expect(calls).toEqual(['U1', 'U1']);
    expect(other.calls).toEqual(['U1']);
  });
});
