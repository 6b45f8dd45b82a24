// Calendar days (a date with no time of day and no zone), carried as luxon DateTimes pinned to UTC
// so that adding days or months never meets a daylight-saving change.
import { DateTime } from 'luxon';

export type CalendarDay = DateTime<true>;

/** The calendar day `YYYY-MM-DD`; the caller has validated the string. */
export function parseDay(iso: string): CalendarDay {
  const day = DateTime.fromISO(iso, { zone: 'utc' });
  if (!day.isValid) throw new RangeError(`not a calendar day: ${iso}`);
  return day;
}

export function makeDay(year: number, month: number, day: number): CalendarDay {
  const result = DateTime.utc(year, month, day);
  if (!result.isValid) throw new RangeError(`not a calendar day: ${year}-${month}-${day}`);
  return result;
}

export function formatDay(day: CalendarDay): string {
  return day.toISODate();
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** `Monday` … `Sunday` (luxon numbers weekdays 1 = Monday … 7 = Sunday, as ISO 8601 does). */
export function weekdayName(day: CalendarDay): string {
  return WEEKDAY_NAMES[day.weekday - 1] ?? String(day.weekday);
}

/** Saturday or Sunday: never working days under Regulation 1182/71, Art. 3(4). */
export function isWeekend(day: CalendarDay): boolean {
  return day.weekday === 6 || day.weekday === 7;
}
