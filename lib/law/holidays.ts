// Public holidays by country and region, and the working-day test that ends a period under
// Regulation 1182/71, Art. 3(4): a period ending on a Saturday, Sunday or public holiday ends
// with the next working day. "Public holidays" are those of the member state where the act is to
// be done (Art. 2(1)): the controller's country, and its region where holidays are regional.
import { z } from 'zod';
import { LocalDate } from '../model/common';
import { parseOrThrow } from '../model/errors';
import { formatDay, isWeekend, parseDay, weekdayName, type CalendarDay } from './calendar-day';
import { CALENDARS, SUPPORTED_COUNTRIES, type SupportedCountry } from './calendars';

export { SUPPORTED_COUNTRIES, type SupportedCountry } from './calendars';

/** Years the calendars are computed for (Easter needs the Gregorian calendar; the rules follow today's law). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

export const Holiday = z.object({
  date: LocalDate,
  /** English name; several names joined by " / " when two holidays share a day. */
  name: z.string(),
  /** Name in the country's language. */
  localName: z.string(),
});
export type Holiday = z.infer<typeof Holiday>;

export interface RegionInfo {
  code: string;
  name: string;
}

function perCountry<T>(value: (country: SupportedCountry) => T): Readonly<Record<SupportedCountry, T>> {
  const result = {} as Record<SupportedCountry, T>;
  for (const country of SUPPORTED_COUNTRIES) result[country] = value(country);
  return result;
}

/** The regions of each country that have holidays of their own (`DE-BY`, `FR-57`, `IT-BZ`…). */
export const SUPPORTED_REGIONS = perCountry<readonly RegionInfo[]>((country) =>
  Object.entries(CALENDARS[country].regions).map(([code, name]) => ({ code, name })),
);

/** English country names, for pickers. */
export const COUNTRY_NAMES = perCountry((country) => CALENDARS[country].name);

export const Country = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(
    z.enum(SUPPORTED_COUNTRIES, {
      error: (issue) => `unsupported country "${String(issue.input)}" (supported: ${SUPPORTED_COUNTRIES.join(', ')})`,
    }),
  );

/** Region as the user typed it: empty means none; `BY` is read as `DE-BY`. Checked against the country later. */
const RegionText = z
  .string()
  .trim()
  .toUpperCase()
  .max(30, 'is longer than 30 characters')
  .optional()
  .transform((region) => (region ? region : undefined));

export const Year = z
  .number({ error: 'must be a year' })
  .int('must be a whole year')
  .min(FIRST_YEAR, `must be from ${FIRST_YEAR} to ${LAST_YEAR}`)
  .max(LAST_YEAR, `must be from ${FIRST_YEAR} to ${LAST_YEAR}`);

/** The fields every calendar question needs; `closingDays` are the organisation's own closed days. */
export const calendarFields = {
  country: Country,
  region: RegionText,
  closingDays: z.array(LocalDate).default([]),
};

interface WithRegion {
  country: SupportedCountry;
  region?: string | undefined;
}

/**
 * Canonical region code of a country (`DE-BY` for `by` or `de-by`), reporting an unknown one as an
 * issue on `region`. Used as a zod transform by every schema that has a country and a region.
 */
export function resolveRegion<T extends WithRegion>(value: T, ctx: z.RefinementCtx): T {
  if (value.region === undefined) return value;
  const regions = CALENDARS[value.country].regions;
  const code = value.region.startsWith(`${value.country}-`) ? value.region : `${value.country}-${value.region}`;
  if (!(code in regions)) {
    const known = Object.keys(regions);
    ctx.addIssue({
      code: 'custom',
      path: ['region'],
      message: `unknown region "${value.region}" for ${value.country} (${known.length ? `supported: ${known.join(', ')}` : 'the country has no regional holidays'})`,
    });
    return z.NEVER;
  }
  return { ...value, region: code };
}

export const CalendarOptions = z.object(calendarFields).transform(resolveRegion);
/** What callers pass: country and region in any case, closing days optional. */
export type CalendarOptionsInput = z.input<typeof CalendarOptions>;
export type CalendarOptions = z.output<typeof CalendarOptions>;

/** `DE-BY-CATHOLIC` keeps every holiday of `DE-BY`: a region's code and those of the regions it lies in. */
function regionAndParents(region: string): string[] {
  const parts = region.split('-');
  const chain: string[] = [];
  for (let n = parts.length; n >= 2; n--) chain.push(parts.slice(0, n).join('-'));
  return chain;
}

// Computed once per country, region and year: a deadline or a property test asks for the same year often.
const cache = new Map<string, ReadonlyMap<string, Holiday>>();
const CACHE_LIMIT = 2_000;

function holidayMap(country: SupportedCountry, region: string | undefined, year: number): ReadonlyMap<string, Holiday> {
  const key = `${country}|${region ?? ''}|${year}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const within = region ? regionAndParents(region) : [];
  const byDate = new Map<string, Holiday>();
  for (const rule of CALENDARS[country].holidays) {
    if (rule.from !== undefined && year < rule.from) continue;
    if (rule.until !== undefined && year > rule.until) continue;
    if (rule.regions && !rule.regions.some((r) => within.includes(r))) continue;
    const day = rule.date(year);
    if (!day) continue;
    const date = formatDay(day);
    const same = byDate.get(date);
    if (!same) byDate.set(date, { date, name: rule.name, localName: rule.localName });
    else if (!same.name.split(' / ').includes(rule.name)) {
      byDate.set(date, { date, name: `${same.name} / ${rule.name}`, localName: `${same.localName} / ${rule.localName}` });
    }
  }
  const sorted = new Map([...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, sorted);
  return sorted;
}

const HolidaysQuestion = z.object({ ...calendarFields, year: Year }).transform(resolveRegion);

/** The public holidays of a country (and region) in a year, sorted by date, one entry per day. */
export function holidaysFor(country: string, year: number, region?: string): Holiday[] {
  const options = parseOrThrow(HolidaysQuestion, { country, year, region }, 'holiday calendar');
  // Copies: the cached entries must not be changed by a caller.
  return [...holidayMap(options.country, options.region, options.year).values()].map((h) => ({ ...h }));
}

/**
 * Why a day is no working day — "a Saturday", "a public holiday (Easter Monday)", "an organisation
 * closing day" — or undefined for a working day. Options must be parsed already.
 */
export function nonWorkingReason(day: CalendarDay, options: CalendarOptions): string | undefined {
  if (isWeekend(day)) return `a ${weekdayName(day)}`;
  if (day.year < FIRST_YEAR || day.year > LAST_YEAR) throw new RangeError(`${formatDay(day)} is outside the holiday calendars (${FIRST_YEAR}–${LAST_YEAR})`);
  const date = formatDay(day);
  const holiday = holidayMap(options.country, options.region, day.year).get(date);
  if (holiday) return `a public holiday (${holiday.name})`;
  if (options.closingDays.includes(date)) return 'an organisation closing day';
  return undefined;
}

/** The first working day on or after `day`, with the reason each skipped day was not one. */
export function nextWorkingDay(day: CalendarDay, options: CalendarOptions): { day: CalendarDay; skipped: { date: string; reason: string }[] } {
  const skipped: { date: string; reason: string }[] = [];
  let current = day;
  // Holidays and closing days are finite; a year of closed days means the configuration is wrong.
  for (let guard = 0; guard < 366; guard++) {
    const reason = nonWorkingReason(current, options);
    if (reason === undefined) return { day: current, skipped };
    skipped.push({ date: formatDay(current), reason });
    current = current.plus({ days: 1 });
  }
  throw new RangeError(`no working day within a year after ${formatDay(day)}: check the closing days`);
}

const WorkingDayQuestion = z.object({ date: LocalDate, options: CalendarOptions });

/** Whether `date` (YYYY-MM-DD) is a working day: no Saturday, Sunday, public holiday or closing day. */
export function isWorkingDay(date: string, options: CalendarOptionsInput): boolean {
  const parsed = parseOrThrow(WorkingDayQuestion, { date, options }, 'working-day question');
  return nonWorkingReason(parseDay(parsed.date), parsed.options) === undefined;
}
