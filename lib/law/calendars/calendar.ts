// The shape of one country's public-holiday calendar.
import type { HolidayRule } from '../holiday-rules';

export interface CountryCalendar {
  /** English name of the country. */
  readonly name: string;
  /** Regions with holidays of their own, by ISO 3166-2 code (`DE-BY`), with an English name. */
  readonly regions: Readonly<Record<string, string>>;
  /** Public holidays, nationwide and regional, that fall on fixed dates or move with Easter or a weekday. */
  readonly holidays: readonly HolidayRule[];
}
