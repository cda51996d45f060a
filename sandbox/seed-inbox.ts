import type { DateTime } from 'luxon';
import type { SeedMessage } from '../fakes/google/index.js';

/**
 * Each person's mailbox: more unread mail than one page of the bot's summary shows (10), so
 * **Show more** appears, and some that the bot flags as urgent: subjects or text saying "urgent",
 * "ASAP", "deadline" or "important", and mail from colleagues (people in the Slack workspace).
 */

/** Who gets mail and who sends it (a teammate of sandbox/team.ts; not imported, which team.ts does with this). */
interface Person {
  id: string;
  name: string;
  realName?: string | undefined;
  email: string;
}

/** [hours ago, From, subject, text]; `{first}` is the reader's first name. */
type Row = readonly [number, string, string, string];

const OUTSIDE: readonly Row[] = [
  [
    3,
    'Jordan Lee <jordan@customer.example>',
    'Contract renewal: two questions before Friday',
    'Hi {first}, before we sign the renewal could you confirm the seat count and whether the SSO add-on is included?',
  ],
  [
    5,
    'Ops alerts <alerts@ops.example>',
    'URGENT: TLS certificate for api.acme.test expires tonight',
    'The certificate for api.acme.test expires at 23:59 UTC. Renew it or traffic will fail.',
  ],
  [9, 'Finance <finance@acme.test>', 'Expense report approved', 'Your October expense report was approved and will be paid with the next payroll.'],
  [12, 'Dana Kim <dana@board.example>', 'Board deck: need your numbers ASAP', 'Hi {first}, the board meets Monday; please send the Q3 numbers for your team as soon as you can.'],
  [20, 'Build bot <ci@acme.test>', 'Nightly build failed on main', 'The nightly build failed in the integration stage: 3 tests timed out talking to the staging database.'],
  [26, 'Maria Gomez <maria@partner.example>', 'Workshop agenda for next week', 'Attached is a first draft of the agenda. Could your team present the roadmap on day two?'],
  [31, 'People team <people@acme.test>', 'Benefits enrolment deadline is Friday', 'Open enrolment closes this Friday at 17:00. Pick your plan in the HR portal before then.'],
  [36, 'Events <events@acme.test>', 'Lunch & learn: calendars at scale', 'Join us on Thursday for a talk on time zones, recurring meetings and other calendar puzzles.'],
  [44, 'Travel desk <travel@trips.example>', 'Your trip to Berlin is confirmed', 'Flight and hotel are booked. Your itinerary is attached; check-in opens 24 hours before departure.'],
  [50, 'Cloudhost billing <billing@cloudhost.example>', 'Invoice #4821 is available', 'Your invoice for last month is ready. It will be charged to the card on file in 7 days.'],
  [58, 'Analytics <metrics@acme.test>', 'Weekly metrics: sign-ups up 12%', 'Sign-ups grew 12% week over week; activation is flat. Full dashboard inside.'],
];

/** A few unread mails from colleagues (everyone else in the workspace) and one already read. */
function fromColleagues(person: Person, team: readonly Person[]): Row[] {
  const others = team.filter((p) => p.id !== person.id);
  const [a, b] = [others[0], others[1]];
  const from = (p: Person | undefined) => (p ? `${p.realName ?? p.name} <${p.email}>` : 'A colleague <colleague@acme.test>');
  return [
    [1, from(a), 'Can you review the launch plan before stand-up?', 'Hi {first}, I left comments on the launch plan; two of them need your call before tomorrow.'],
    [34, from(b), 'Notes from the design review', 'Sharing my notes from the review. Nothing blocking, but have a look at the open questions at the end.'],
  ];
}

export function inboxFor(person: Person, team: readonly Person[], now: DateTime): SeedMessage[] {
  const first = person.realName?.split(' ')[0] ?? person.name;
  const mail = ([hours, from, subject, text]: Row): SeedMessage => ({
    from,
    subject,
    snippet: text.replace('{first}', first),
    date: now.minus({ hours }).toJSDate(),
  });
  const read: SeedMessage = {
    from: 'Newsletter <news@industry.example>',
    subject: 'This week in calendars',
    snippet: 'Already read: a roundup of scheduling tips.',
    date: now.minus({ hours: 40 }).toJSDate(),
    unread: false,
  };
  return [...[...OUTSIDE, ...fromColleagues(person, team)].map(mail), read];
}
