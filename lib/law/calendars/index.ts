// Every supported country's calendar, by ISO 3166-1 alpha-2 code.
import { austria } from './at';
import { belgium } from './be';
import type { CountryCalendar } from './calendar';
import { germany } from './de';
import { spain } from './es';
import { france } from './fr';
import { ireland } from './ie';
import { italy } from './it';
import { luxembourg } from './lu';
import { netherlands } from './nl';

export const SUPPORTED_COUNTRIES = ['AT', 'BE', 'DE', 'ES', 'FR', 'IE', 'IT', 'LU', 'NL'] as const;
export type SupportedCountry = (typeof SUPPORTED_COUNTRIES)[number];

export const CALENDARS: Readonly<Record<SupportedCountry, CountryCalendar>> = {
  AT: austria,
  BE: belgium,
  DE: germany,
  ES: spain,
  FR: france,
  IE: ireland,
  IT: italy,
  LU: luxembourg,
  NL: netherlands,
};

export type { CountryCalendar } from './calendar';
