import { describe, expect, it } from 'vitest';
import { PEOPLE, identifierOf, startHarness } from '../../fakes/world/harness.js';

describe('the end-to-end suite’s leak guard', () => {
  it('fails a test whose bot let a minted token reach its log', async () => {
    const h = await startHarness();
    h.connect(PEOPLE.organizer.id);
    const grant = h.scalekit.currentGrant('gmail', identifierOf(PEOPLE.organizer.id));
    h.logs.push(`{"msg":"oops","token":"${grant?.accessToken ?? ''}"}`);
    await expect(h.stop()).rejects.toThrow(/secrets reached a log or a Slack message/);
  });
});
