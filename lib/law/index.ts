// lib/law: deadline arithmetic (Art. 12(3) GDPR, Regulation 1182/71) and public-holiday calendars.
// Pure: no browser APIs, no storage; imports only zod, luxon and lib/model.
export { canExtend, computeDeadline, daysUntil, Deadline, DeadlineRequest, InstantInput } from './deadline';
export type { DeadlineRequestInput } from './deadline';
export {
  CalendarOptions,
  Country,
  COUNTRY_NAMES,
  FIRST_YEAR,
  Holiday,
  holidaysFor,
  isWorkingDay,
  LAST_YEAR,
  SUPPORTED_COUNTRIES,
  SUPPORTED_REGIONS,
} from './holidays';
export type { CalendarOptionsInput, RegionInfo, SupportedCountry } from './holidays';
export { easterSunday } from './easter';
export { addElapsedHours, BREACH_NOTIFICATION_HOURS, BREACH_WARNING_HOURS, BreachDeadline, BreachDeadlineRequest, breachDeadline, inZone, msLeft, warningStage } from './breach-deadline';
export type { BreachDeadlineRequestInput } from './breach-deadline';
