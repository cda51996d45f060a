import { performance } from 'node:perf_hooks';
import { ScalekitClient } from '@scalekit-sdk/node';
import { googleGmailInbox } from '../src/adapters/google/gmail-inbox.js';
import { DEFAULT_RETRY } from '../src/adapters/google/http.js';
import { METADATA_CONCURRENCY } from '../src/flows/inbox/page.js';
import { mapBounded } from '../src/flows/inbox/map-bounded.js';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { stepsOf } from './chain.js';
import { summarize, type PathRun, type PathSummary } from './paths.js';
import { identifierOf, type Fakes } from './stack.js';

export interface InboxFetch {
  messages: number;
  oneByOne: PathSummary;
  concurrent: PathSummary;
}

/**
 * All of `user`'s unread mail, headers included, the way the seed quickstart reads it (one
 * message after another) and the way the bot does (the same adapter, `METADATA_CONCURRENCY` at a
 * time): the same Scalekit token lookup, list call and Gmail fake for both.
 */
export async function measureInboxFetch(stack: Fakes, user: FakeSlackUser, messages: number, runs: number): Promise<InboxFetch> {
  const client = new ScalekitClient(stack.scalekit.url, stack.scalekit.clientId, stack.scalekit.clientSecret);
  const mailbox = googleGmailInbox(`${stack.google.url}/gmail/v1`, DEFAULT_RETRY);
  const once = async (bound: number): Promise<PathRun> => {
    const t0 = performance.now();
    const account = (await client.connectedAccounts.getConnectedAccountByIdentifier({ connector: 'gmail', identifier: identifierOf(user) })).connectedAccount;
    const details = account?.authorizationDetails?.details;
    const token = details?.case === 'oauthToken' ? details.value.accessToken : '';
    const list = await mailbox.list(token, { query: 'is:unread in:inbox', maxResults: messages });
    const got = await mapBounded(list.ids, bound, (id) => mailbox.metadata(token, id));
    if (got.filter(Boolean).length !== messages) throw new Error(`fetched ${got.length} of ${messages} messages`);
    const end = performance.now();
    return { wallMs: end - t0, steps: stepsOf(stack.timings(), t0, end) };
  };
  const measure = async (bound: number) => {
    const done: PathRun[] = [];
    for (let k = 0; k <= runs; k++) {
      const run = await once(bound);
      if (k > 0) done.push(run);
    }
    return summarize(done);
  };
  return { messages, oneByOne: await measure(1), concurrent: await measure(METADATA_CONCURRENCY) };
}
