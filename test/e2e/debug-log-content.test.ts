import { afterEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, PEOPLE, SIGNING_SECRET, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { dm, HOUR } from '../support/inbox-steps.js';
import { button, click, reply, schedule } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let h: Harness;

afterEach(async () => h.stop());

/** Mail that must never reach a log line: who wrote, what about, and what it says. */
const MAIL = [
  {
    from: 'Quentin Quill <quentin.quill@partner-firm.test>',
    sender: 'quentin.quill@partner-firm.test',
    subject: 'Merger terms, strictly private 7f3a',
    snippet: 'The board agreed the price of forty-one million 9c2e',
  },
  { from: 'rosalind.ray@clinic-mail.test', sender: 'rosalind.ray@clinic-mail.test', subject: 'Your test results are ready 1b8d', snippet: 'Please call us about the biopsy findings 5d0f' },
];

/** Each log line that carries one of `needles`, with the needle it carries. */
function carrying(lines: readonly string[], needles: readonly string[]): string[] {
  return lines.flatMap((line) => needles.filter((n) => line.includes(n)).map((n) => `${n} in: ${line.slice(0, 300)}`));
}

describe('a whole run at LOG_LEVEL=debug', () => {
  it('logs no mail subject, snippet or sender, no profile email and no token or secret', async () => {
    h = await startHarness();
    expect(h.env.LOG_LEVEL).toBe('debug');
    h.connect(organizer.id);
    for (const [i, m] of MAIL.entries()) h.google.addMessage(organizer.email, { from: m.from, subject: m.subject, snippet: m.snippet, date: new Date(Date.now() - (i + 1) * HOUR) });

    const proposal = await reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
    expect((await reply(h, (await click(h, organizer, button(proposal, 'Book'))).responseUrl)).text).toContain('Booked: Sync');
    const summary = await dm(h, organizer, 'any unread email?');
    // the content did pass through the bot, so its absence from the log means something
    expect(JSON.stringify(summary.blocks)).toContain(MAIL[0]?.subject);

    const content = [...MAIL.flatMap((m) => [m.subject, m.snippet, m.sender]), organizer.email, alice.email];
    const secrets = [...h.registry.allMinted(), BOT_TOKEN, SIGNING_SECRET, h.scalekit.clientSecret];
    expect(h.logs.some((l) => l.includes('"level":"debug"'))).toBe(true);
    expect(carrying(h.logs, content)).toEqual([]);
    expect(carrying(h.logs, secrets)).toEqual([]);
  }, 30_000);
});
