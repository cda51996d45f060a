import { afterEach, describe, expect, it } from 'vitest';
import { FakeGoogle } from '../../../fakes/google/index.js';
import { GOOGLE_SCOPES, TokenRegistry } from '../../../fakes/token-registry.js';
import { googleGmail } from '../../../src/adapters/google/gmail.js';
import { DEFAULT_RETRY } from '../../../src/adapters/google/http.js';
import { buildDraftRaw, draftSubject } from '../../../src/core/draft-email.js';
import { draftMessageId, type DraftProbe } from '../../../src/core/draft-probe.js';

let google: FakeGoogle;
afterEach(async () => google.stop());

const SLOT = { start: Date.UTC(2030, 0, 7, 15), end: Date.UTC(2030, 0, 7, 15, 30) };

async function gmailOf() {
  const registry = new TokenRegistry();
  registry.linkIdentity('olivia', 'olivia@acme.test');
  google = await FakeGoogle.start({ registry });
  const token = registry.mint('olivia', 'gmail', [GOOGLE_SCOPES.gmailCompose]).accessToken;
  const gmail = googleGmail(`${google.url}/gmail/v1`, { ...DEFAULT_RETRY, sleep: async () => undefined });
  return { gmail, token };
}

/** One booking attempt's draft: its raw message and the probe that finds it. */
function draftFor(requestId: string, eventLink: string): { raw: string; probe: DraftProbe } {
  const messageId = draftMessageId(requestId, 0, SLOT.start);
  const raw = buildDraftRaw({ to: ['alice@acme.test'], title: 'Sync', slot: SLOT, zone: 'UTC', eventLink, organizerName: 'Olivia', messageId });
  return {
    raw,
    probe: { messageId, subject: draftSubject({ title: 'Sync', slot: SLOT, zone: 'UTC', organizerName: 'Olivia' }), to: 'alice@acme.test', since: Date.now() - 60_000, marker: eventLink },
  };
}

describe('Gmail drafts: found again after a lost answer', () => {
  it('finds the draft by the bot’s own Message-ID, and nothing for another attempt', async () => {
    const { gmail, token } = await gmailOf();
    const mine = draftFor('req-a', 'https://calendar.test/event?eid=aaa');
    const made = await gmail.createDraft(token, mine);
    expect(await gmail.findDraft(token, mine.probe)).toEqual(made);
    expect(google.calls('drafts.get')).toHaveLength(0);
    // another attempt's probe: no such Message-ID, and the look-alike draft is opened and refused
    expect(await gmail.findDraft(token, draftFor('req-b', 'https://calendar.test/event?eid=bbb').probe)).toBeUndefined();
    expect(google.calls('drafts.get')).toHaveLength(1);
  });

  it('when Gmail replaced the Message-ID: the same-subject draft whose body holds the event link, not its look-alike', async () => {
    const { gmail, token } = await gmailOf();
    google.setDraftMessageIds('replace');
    const other = await gmail.createDraft(token, draftFor('req-b', 'https://calendar.test/event?eid=bbb'));
    const mine = draftFor('req-a', 'https://calendar.test/event?eid=aaa');
    const made = await gmail.createDraft(token, mine);
    expect(await gmail.findDraft(token, mine.probe)).toEqual(made);
    expect(made).not.toEqual(other);
    await gmail.deleteDraft(token, made.draftId);
    expect(await gmail.findDraft(token, mine.probe)).toBeUndefined();
  });

  it('a create whose answer is lost twice is looked for each time and made once', async () => {
    const { gmail, token } = await gmailOf();
    google.faultNext({ operation: 'drafts.list' }, { kind: 'error', status: 503 });
    google.faultNext({ operation: 'drafts.create' }, { kind: 'error', status: 503, times: 1 });
    google.faultNext({ operation: 'drafts.create' }, { kind: 'lose-response' });
    const mine = draftFor('req-a', 'https://calendar.test/event?eid=aaa');
    // first try: 503 before acting; the look (retried past its own 503) finds nothing; second: made, answer lost; the look finds it
    const made = await gmail.createDraft(token, mine);
    expect(
      google
        .drafts('olivia@acme.test')
        .filter((d) => !d.deleted)
        .map((d) => d.id),
    ).toEqual([made.draftId]);
    expect(google.calls('drafts.create')).toHaveLength(2);
  });
});
