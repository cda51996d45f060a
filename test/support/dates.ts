import { DateTime } from 'luxon';

/** "next tuesday" is never today: the Tuesday after today, at `hour`, in `zone`. */
export function nextTuesdayAt(zone: string, hour: number): DateTime {
  const today = DateTime.now().setZone(zone).startOf('day');
  return today.plus({ days: (2 - today.weekday + 7) % 7 || 7 }).set({ hour });
}
