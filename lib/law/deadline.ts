// The Art. 12(3) GDPR deadline for answering a data-subject request, counted as Regulation
// 1182/71 (EEC, Euratom), Art. 3 counts periods: the day of receipt is not counted (Art. 3(1)); a
// period in months ends on the same date of the later month, or on that month's last day where the
// date does not exist (Art. 3(2)(c)); a period ending on a Saturday, Sunday or public holiday ends
// with the next working day (Art. 3(4)). Days are days in the controller's time zone; the deadline
// is stored as the UTC instant at which that local day ends.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { Instant, LocalDate, TimeZone } from '../model/common';
import { parseOrThrow } from '../model/errors';
import { formatDay, parseDay, type CalendarDay } from './calendar-day';
import { calendarFields, FIRST_YEAR, LAST_YEAR, nextWorkingDay, resolveRegion } from './holidays';

/** Art. 12(3): one month, extendable "by two further months". */
const FIRST_PERIOD_MONTHS = 1;
const EXTENDED_PERIOD_MONTHS = 3;

// Instants are read in UTC: the offset in the text decides the instant, and UTC needs no zone lookups.
const UTC = { zone: 'utc' } as const;

/** Any ISO 8601 instant with a zone designator (`Z` or `+01:00`); a local time alone is ambiguous. */
export const InstantInput = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 instant with a zone, like 2026-01-31T10:00:00Z' })
  // Then luxon must read it, and its year must be one the holiday calendars cover.
  .pipe(
    z.string().superRefine((text, ctx) => {
      const instant = DateTime.fromISO(text, UTC);
      if (!instant.isValid) ctx.addIssue({ code: 'custom', message: 'is not a real date and time' });
      else if (instant.year < FIRST_YEAR || instant.year >= LAST_YEAR) {
        ctx.addIssue({ code: 'custom', message: `must lie between ${FIRST_YEAR} and ${LAST_YEAR - 1}` });
      }
    }),
  );

// Checking a zone builds an Intl.DateTimeFormat (about 0.2 ms); a queue recomputes many deadlines
// in the same few zones, so a zone once found valid is remembered.
const validZones = new Set<string>();
export const Zone = z.string().superRefine((zone, ctx) => {
  if (validZones.has(zone)) return;
  const checked = TimeZone.safeParse(zone);
  if (checked.success) validZones.add(zone);
  else for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
});

export const DeadlineRequest = z
  .object({
    receivedAt: InstantInput,
    /** The controller's IANA time zone: it decides which calendar day the request arrived on. */
    timeZone: Zone,
    ...calendarFields,
    /** Whether the two-month extension of Art. 12(3) has been taken (with a recorded reason). */
    extended: z.boolean().default(false),
  })
  .transform(resolveRegion);
export type DeadlineRequestInput = z.input<typeof DeadlineRequest>;
export type DeadlineRequest = z.output<typeof DeadlineRequest>;

export const Deadline = z.object({
  /** The receipt instant, normalised to UTC with milliseconds. */
  received: Instant,
  /** The calendar day of receipt in the controller's time zone. */
  receivedLocalDay: LocalDate,
  /** The last day of the period, in the controller's time zone. */
  due: LocalDate,
  /** The end of `due` (23:59:59.999 local) as a UTC instant. */
  dueAt: Instant,
  extended: z.boolean(),
  /** How the deadline was reached, in words, citing the rules applied. */
  rule: z.string(),
});
export type Deadline = z.infer<typeof Deadline>;

function toInstant(dateTime: DateTime): string {
  const iso = dateTime.toUTC().toISO({ suppressMilliseconds: false, includeOffset: true });
  if (!iso) throw new RangeError('invalid instant');
  return iso;
}

/** Calendar day of `instant` in `timeZone`. */
function localDay(instant: string, timeZone: string): CalendarDay {
  const local = DateTime.fromISO(instant, { zone: timeZone });
  return parseDay(local.toISODate() ?? '');
}

/** The rule text: each step of the count, with the provision it applies. */
function explain(
  start: CalendarDay,
  periodEnd: CalendarDay,
  extended: boolean,
  skipped: readonly { date: string; reason: string }[],
  due: string,
  dueAt: string,
  timeZone: string,
): string {
  const period = extended ? 'Art. 12(3) GDPR, extended by two further months: three months' : 'Art. 12(3) GDPR: one month';
  const clamped =
    periodEnd.day === start.day
      ? ''
      : ` (no ${start.day} ${periodEnd.setLocale('en').toFormat('LLLL')}: last day of month, Reg. 1182/71 Art. 3(2)(c))`;
  const steps = [`${period} from ${formatDay(start)} (day of receipt in ${timeZone}) → ${formatDay(periodEnd)}${clamped}`];
  if (skipped.length > 0) {
    steps.push(`${skipped.map((s) => `${s.date} is ${s.reason}`).join(', ')} → next working day ${due} (Reg. 1182/71 Art. 3(4))`);
  }
  steps.push(`ends 23:59:59.999 ${timeZone} = ${dueAt}`);
  return steps.join('; ');
}

/** The deadline of an already validated request. */
function deadlineOf(request: DeadlineRequest, extended: boolean): Deadline {
  const received = toInstant(DateTime.fromISO(request.receivedAt, UTC));
  // Art. 3(1): the period starts the day after the day of receipt, a day in the controller's zone.
  const start = localDay(received, request.timeZone);
  // luxon keeps the day of the month and clamps it to the month's last day: Art. 3(2)(c) exactly.
  const periodEnd = start.plus({ months: extended ? EXTENDED_PERIOD_MONTHS : FIRST_PERIOD_MONTHS });
  const { day, skipped } = nextWorkingDay(periodEnd, request);
  const due = formatDay(day);
  const dueAt = toInstant(DateTime.fromISO(due, { zone: request.timeZone }).endOf('day'));
  const rule = explain(start, periodEnd, extended, skipped, due, dueAt, request.timeZone);
  return { received, receivedLocalDay: formatDay(start), due, dueAt, extended, rule };
}

/** The Art. 12(3) deadline of a request: one month from receipt, or three when extended. */
export function computeDeadline(input: DeadlineRequestInput): Deadline {
  const request = parseOrThrow(DeadlineRequest, input, 'deadline request');
  return deadlineOf(request, request.extended);
}

/**
 * Whether the request may still be extended: Art. 12(3) requires the subject to be told of the
 * extension, with its reasons, within one month of receipt, so only until the one-month deadline
 * has passed (`now` ≤ its `dueAt`). The recorded reason is the caller's to require.
 */
export function canExtend(input: DeadlineRequestInput, nowIso: string): boolean {
  const request = parseOrThrow(DeadlineRequest, input, 'deadline request');
  const now = parseOrThrow(InstantInput, nowIso, 'now');
  return DateTime.fromISO(now, UTC).toMillis() <= DateTime.fromISO(deadlineOf(request, false).dueAt, UTC).toMillis();
}

const DaysUntilInput = z.object({ dueAt: InstantInput, now: InstantInput, timeZone: Zone });

/**
 * Whole calendar days from today to the due day, both as days in `timeZone`: 0 when due today,
 * 1 tomorrow, negative once overdue. For the queue and the toolbar badge.
 */
export function daysUntil(dueAtIso: string, nowIso: string, timeZone: string): number {
  const input = parseOrThrow(DaysUntilInput, { dueAt: dueAtIso, now: nowIso, timeZone }, 'days-until question');
  const due = localDay(input.dueAt, input.timeZone);
  const today = localDay(input.now, input.timeZone);
  return Math.round(due.diff(today, 'days').days);
}
