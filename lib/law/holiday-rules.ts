// How a public holiday is described: a date rule computed for any year (never a list of dates per
// year), the regions it applies to and the years the law has provided for it.
import { makeDay, type CalendarDay } from './calendar-day';
import { easterSunday } from './easter';

/** The day a holiday falls on in `year`, or undefined when it does not occur that year. */
export type DateRule = (year: number) => CalendarDay | undefined;

export interface HolidayRule {
  /** English name. */
  readonly name: string;
  /** Name in the country's (first) official language. */
  readonly localName: string;
  readonly date: DateRule;
  /** Region codes (`DE-BY`) where the holiday applies; absent means the whole country. */
  readonly regions?: readonly string[];
  /** First year the law provides for it. */
  readonly from?: number;
  /** Last year the law provided for it. */
  readonly until?: number;
}

export interface RuleOptions {
  regions?: readonly string[];
  from?: number;
  until?: number;
  /** Overrides the usual English name (`Second Day of Christmas` vs `St Stephen's Day`). */
  name?: string;
}

export function holiday(name: string, localName: string, date: DateRule, options: RuleOptions = {}): HolidayRule {
  return {
    name: options.name ?? name,
    localName,
    date,
    ...(options.regions ? { regions: options.regions } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
  };
}

// ISO 8601 weekday numbers, as luxon uses them.
export const MONDAY = 1;
export const WEDNESDAY = 3;
export const FRIDAY = 5;
export const SUNDAY = 7;

/** The same date every year. */
export function fixed(month: number, day: number): DateRule {
  return (year) => makeDay(year, month, day);
}

/** A movable feast, `days` after (or before, when negative) Easter Sunday. */
export function easterOffset(days: number): DateRule {
  return (year) => easterSunday(year).plus({ days });
}

/** The n-th given weekday of a month (`n` = 1 for the first Monday of May). */
export function nthWeekday(n: number, weekday: number, month: number): DateRule {
  return (year) => {
    const first = makeDay(year, month, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) });
  };
}

/** The last given weekday of a month. */
export function lastWeekday(weekday: number, month: number): DateRule {
  return (year) => {
    const last = makeDay(year, month, 1).endOf('month').startOf('day');
    return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  };
}

/** The given weekday falling on or before a date (the Wednesday on or before 22 November). */
export function weekdayOnOrBefore(weekday: number, month: number, day: number): DateRule {
  return (year) => {
    const limit = makeDay(year, month, day);
    return limit.minus({ days: (limit.weekday - weekday + 7) % 7 });
  };
}

/** A date rule moved by `days` in years where it falls on a Sunday. */
export function movedFromSunday(rule: DateRule, days: number): DateRule {
  return (year) => {
    const date = rule(year);
    return date && date.weekday === SUNDAY ? date.plus({ days }) : date;
  };
}

/** A one-off holiday, declared by law for the listed years only. */
export function onlyIn(years: readonly number[], month: number, day: number): DateRule {
  return (year) => (years.includes(year) ? makeDay(year, month, day) : undefined);
}

// Easter offsets of the movable feasts.
const HOLY_THURSDAY = -3;
const GOOD_FRIDAY = -2;
const EASTER_MONDAY = 1;
const ASCENSION = 39;
const WHIT_SUNDAY = 49;
const WHIT_MONDAY = 50;
const CORPUS_CHRISTI = 60;

// The holidays many member states share, with their usual English names; each calendar gives the
// local name and, where it is regional or recent, the regions and years.
type Common = (localName: string, options?: RuleOptions) => HolidayRule;
const common =
  (name: string, date: DateRule): Common =>
  (localName, options) =>
    holiday(name, localName, date, options);

export const newYearsDay = common("New Year's Day", fixed(1, 1));
export const epiphany = common('Epiphany', fixed(1, 6));
export const holyThursday = common('Maundy Thursday', easterOffset(HOLY_THURSDAY));
export const goodFriday = common('Good Friday', easterOffset(GOOD_FRIDAY));
export const easterSundayHoliday = common('Easter Sunday', easterOffset(0));
export const easterMonday = common('Easter Monday', easterOffset(EASTER_MONDAY));
export const labourDay = common('Labour Day', fixed(5, 1));
export const ascensionDay = common('Ascension Day', easterOffset(ASCENSION));
export const whitSunday = common('Whit Sunday', easterOffset(WHIT_SUNDAY));
export const whitMonday = common('Whit Monday', easterOffset(WHIT_MONDAY));
export const corpusChristi = common('Corpus Christi', easterOffset(CORPUS_CHRISTI));
export const assumptionDay = common('Assumption Day', fixed(8, 15));
export const allSaintsDay = common("All Saints' Day", fixed(11, 1));
export const immaculateConception = common('Immaculate Conception', fixed(12, 8));
export const christmasDay = common('Christmas Day', fixed(12, 25));
export const stStephensDay = common("St Stephen's Day", fixed(12, 26));
