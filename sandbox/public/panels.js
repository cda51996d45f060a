// The side panels: what Google holds for the person you are — Calendar events and Gmail drafts.
import { formatTime, h, safeHref } from './dom.js';

const fill = (panel, ...children) => panel.replaceChildren(...children.filter((c) => c !== null));

function connectionNote(connected, what) {
  return connected ? null : h('p', { class: 'panel-note' }, `${what} is not connected yet: the bot will ask you to connect it.`);
}

function eventItem(e, me) {
  const zone = me.tz;
  const when = `${formatTime(e.start, zone)}–${formatTime(e.end, zone, 'clock')}`;
  const href = safeHref(e.link);
  const others = e.attendees.filter((a) => a !== me.email);
  return h(
    'li',
    { class: `event${e.cancelled ? ' cancelled' : ''}${e.invitation ? ' invitation' : ''}`, dataset: { eventId: e.id } },
    h(
      'div',
      { class: 'event-title' },
      href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, e.summary) : e.summary,
      e.invitation ? h('span', { class: 'event-tag' }, 'Invitation') : null,
    ),
    h('div', { class: 'event-when' }, when, e.cancelled ? ' · cancelled' : ''),
    e.invitation ? h('div', { class: 'event-who' }, `from ${e.organizer}`) : null,
    others.length > 0 ? h('div', { class: 'event-who' }, `with ${others.join(', ')}`) : null,
  );
}

export function renderCalendar(panel, me, calendar) {
  const zone = me.tz;
  const events = calendar.events.slice().sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  fill(
    panel,
    h('h2', {}, 'Google Calendar'),
    h('div', { class: 'panel-sub' }, `${me.email} · times in ${zone}`),
    connectionNote(me.connected.calendar, 'Google Calendar'),
    h('h3', {}, 'Meetings and invitations'),
    events.length === 0
      ? h('p', { class: 'empty' }, 'No events yet. Try /schedule @alice 30m Sync')
      : h(
          'ul',
          { class: 'events' },
          events.map((e) => eventItem(e, me)),
        ),
    h('h3', {}, 'Already busy'),
    h(
      'ul',
      { class: 'busy' },
      calendar.busy.map((b) => h('li', {}, `${formatTime(b.start, zone)}–${formatTime(b.end, zone, 'clock')}`)),
    ),
  );
}

export function renderDrafts(panel, me, drafts) {
  fill(
    panel,
    h('h2', {}, 'Gmail drafts'),
    h('div', { class: 'panel-sub' }, `${me.email} · the bot drafts, it never sends`),
    connectionNote(me.connected.gmail, 'Gmail'),
    drafts.length === 0
      ? h('p', { class: 'empty' }, 'No drafts yet. Book a meeting and the follow-up appears here.')
      : h(
          'ul',
          { class: 'drafts' },
          drafts.map((d) =>
            h(
              'li',
              { class: 'draft' },
              h('div', { class: 'draft-subject' }, d.subject || '(no subject)'),
              h('div', { class: 'draft-to' }, `To: ${d.to.join(', ')}`),
              h('div', { class: 'draft-body' }, d.body.length > 400 ? `${d.body.slice(0, 400)}…` : d.body),
            ),
          ),
        ),
  );
}
