import type * as types from '@slack/types';
import { formatMinutes } from '../duration.js';
import { DEFAULT_MINUTES, type Preferences } from '../preferences.js';
import { PREFS_FORM } from '../prefs-form.js';
import { DEFAULT_HOURS } from '../working-hours.js';
import { shown } from './text.js';
import { plainText } from './types.js';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DURATIONS = [15, 30, 45, 60, 90, 120];
const plain = (text: string) => plainText(text);
/** A zone name as the form shows it: one line, and short (real zone names are under 40). */
const clip = (zone: string) => [...zone.replace(/\s+/g, ' ').trim()].slice(0, 100).join('');
const hhmm = (minute: number) => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const MEET_OPTION = { text: plain('Add a Google Meet link to the meetings I book'), value: 'meet' };
/** Slack's limits: 100 options in a select, 150 characters in an option's value. */
const MAX_CALENDARS = 100;
const MAX_OPTION_VALUE = 150;

/** One of the user's calendars besides the primary, as the form offers it. */
export interface CalendarChoice {
  id: string;
  summary: string;
  /** Shown in Google Calendar: what counts when the user has not chosen here. */
  selected: boolean;
}

function calendarsBlock(choices: readonly CalendarChoice[], chosen: readonly string[] | undefined): types.KnownBlock[] {
  const usable = choices.filter((c) => c.id.length <= MAX_OPTION_VALUE).slice(0, MAX_CALENDARS);
  if (usable.length === 0) return [];
  const option = (c: CalendarChoice) => ({ text: plain(shown(c.summary || c.id, 75)), value: c.id });
  const initial = usable.filter((c) => (chosen ? chosen.includes(c.id) : c.selected)).map(option);
  return [
    {
      type: 'input',
      block_id: PREFS_FORM.calendars,
      optional: true,
      label: plain('Other calendars that count as busy'),
      hint: plain('Your primary calendar always counts.'),
      element: { type: 'multi_static_select', action_id: PREFS_FORM.action, options: usable.map(option), ...(initial.length > 0 ? { initial_options: initial } : {}) },
    },
  ];
}

/** The preferences form, filled with what the user has now; `calendars` when Google could list them in time. */
export function buildPrefsModal(prefs: Preferences | undefined, slackZone: string, calendars: readonly CalendarChoice[] = []): types.ModalView {
  const start = prefs?.startMinute ?? DEFAULT_HOURS.startMinute;
  const end = prefs?.endMinute ?? DEFAULT_HOURS.endMinute;
  const days = prefs?.days ?? DEFAULT_HOURS.days;
  const minutes = prefs?.defaultMinutes ?? DEFAULT_MINUTES;
  const dayOption = (d: number) => ({ text: plain(DAY_NAMES[d - 1] ?? String(d)), value: String(d) });
  const durationOption = (m: number) => ({ text: plain(formatMinutes(m)), value: String(m) });
  const durations = DURATIONS.includes(minutes) ? DURATIONS : [...DURATIONS, minutes].sort((a, b) => a - b);
  return {
    type: 'modal',
    callback_id: PREFS_FORM.callbackId,
    title: plain('Scheduling preferences'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      { type: 'input', block_id: PREFS_FORM.start, label: plain('Working day starts'), element: { type: 'timepicker', action_id: PREFS_FORM.action, initial_time: hhmm(start) } },
      { type: 'input', block_id: PREFS_FORM.end, label: plain('Working day ends'), element: { type: 'timepicker', action_id: PREFS_FORM.action, initial_time: hhmm(end) } },
      {
        type: 'input',
        block_id: PREFS_FORM.days,
        label: plain('Working days'),
        element: { type: 'checkboxes', action_id: PREFS_FORM.action, options: [1, 2, 3, 4, 5, 6, 7].map(dayOption), initial_options: days.map(dayOption) },
      },
      {
        type: 'input',
        block_id: PREFS_FORM.duration,
        label: plain('Default meeting length'),
        element: { type: 'static_select', action_id: PREFS_FORM.action, options: durations.map(durationOption), initial_option: durationOption(minutes) },
      },
      {
        type: 'input',
        block_id: PREFS_FORM.zone,
        optional: true,
        label: plain('Time zone'),
        hint: plain(`Leave empty to use your Slack time zone (${clip(slackZone)}).`),
        element: { type: 'plain_text_input', action_id: PREFS_FORM.action, ...(prefs?.zone ? { initial_value: clip(prefs.zone) } : {}), placeholder: plain('e.g. Europe/Paris') },
      },
      {
        type: 'input',
        block_id: PREFS_FORM.meet,
        optional: true,
        label: plain('Video call'),
        element: { type: 'checkboxes', action_id: PREFS_FORM.action, options: [MEET_OPTION], ...(prefs?.meet === false ? {} : { initial_options: [MEET_OPTION] }) },
      },
      ...calendarsBlock(calendars, prefs?.calendars),
    ],
  };
}

export { hhmm };
