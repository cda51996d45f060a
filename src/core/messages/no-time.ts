import { formatMinutes } from '../duration.js';
import type { HoursOf, NoTimeReason } from '../why-no-time.js';
import { formatClock } from '../when.js';
import { shown } from './text.js';

const city = (zone: string) => zone.split('/').at(-1)?.replace(/_/g, ' ') ?? zone;
const hoursText = (p: HoursOf) => `${shown(p.name, 80)} works ${formatClock(p.hours.startMinute)}–${formatClock(p.hours.endMinute)} ${shown(city(p.hours.zone), 60)} time`;

/**
 * Why nothing was found, in numbers, and only the advice that would help: a shorter meeting only
 * when one would fit, other days only when the hours do meet.
 */
export function explainNoTime(reason: NoTimeReason | undefined, minutes: number): string {
  switch (reason?.kind) {
    case undefined:
      return 'Try other days (`next week`) or a shorter meeting.';
    case 'hours-never-overlap':
      return `Working hours never meet: ${hoursText(reason.first)}, ${hoursText(reason.second)}; at their closest they are ${formatMinutes(Math.max(reason.apartMinutes, 1))} apart. Other days won’t help; one of you widening their hours for this meeting (App Home → Edit preferences) would.`;
    case 'overlap-too-short':
      return reason.overlapMinutes >= 5
        ? `Everyone’s working hours overlap for ${formatMinutes(reason.overlapMinutes)} at most, less than the ${formatMinutes(minutes)} asked for. A meeting of ${formatMinutes(Math.floor(reason.overlapMinutes / 5) * 5)} or less would fit.`
        : 'Everyone’s working hours never overlap all together. Widening someone’s hours (App Home → Edit preferences) would help.';
    case 'calendars-full':
      return `Everyone is at work together for ${formatMinutes(reason.commonMinutes)} in those days, but calendars fill it. Try other days (\`next week\`) or a shorter meeting.`;
  }
}
