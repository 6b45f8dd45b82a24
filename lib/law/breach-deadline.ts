// The Art. 33(1) GDPR clock: the supervisory authority is to be notified "not later than 72 hours
// after having become aware" of a personal-data breach. A period in hours runs hour by hour from the
// moment of awareness (Regulation 1182/71, Art. 3(1)); it is not moved for Saturdays, Sundays or
// public holidays, because Art. 3(4) applies only to periods of days, weeks, months or years and
// Art. 3(3) counts holidays and weekends within a period. So the due instant is simply awareness plus
// 72 elapsed hours — across a daylight-saving change that is 71 or 73 hours on the wall clock.
//
// A processor's DPA breach clause sets its own, shorter period from the processor's awareness
// (Art. 33(2): "without undue delay"), counted the same way.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseOrThrow } from '../model/errors';
import { InstantInput, Zone } from './deadline';

export const BREACH_NOTIFICATION_HOURS = 72;
/** Lead times at which the clock warns (hours left), and when overdue (0). */
export const BREACH_WARNING_HOURS = [48, 24, 4, 0] as const;

const HOUR = 3_600_000;

export const BreachDeadlineRequest = z.object({
  awareAt: InstantInput,
  /** The zone the due instant is shown in (the user's); it never changes the instant. */
  timeZone: Zone,
  /** When a processor is involved: when it became aware, and the hours its DPA gives it. */
  processorAwareAt: InstantInput.optional(),
  processorHours: z.number().int().min(1).max(720).optional(),
});
export type BreachDeadlineRequestInput = z.input<typeof BreachDeadlineRequest>;

export const BreachDeadline = z.object({
  /** The awareness instant in UTC. */
  aware: z.string(),
  /** awareness + 72 h, with the offset of `timeZone` at that instant. */
  due: z.string(),
  /** The same instant in UTC (what the record stores). */
  dueUtc: z.string(),
  timeZone: z.string(),
  hours: z.literal(BREACH_NOTIFICATION_HOURS),
  /** The processor's own deadline (from its awareness plus the DPA's hours), when one was given. */
  processorDue: z.string().optional(),
  rule: z.string(),
});
export type BreachDeadline = z.infer<typeof BreachDeadline>;

const utc = (text: string) => DateTime.fromISO(text, { zone: 'utc' });

/** An instant written with the offset it has in `timeZone`: 2026-03-29T11:00:00.000+02:00. */
export function inZone(instantIso: string, timeZone: string): string {
  const iso = utc(instantIso).setZone(timeZone).toISO({ suppressMilliseconds: false, includeOffset: true });
  if (!iso) throw new RangeError(`invalid instant ${instantIso}`);
  return iso;
}

/** awareness + `hours` elapsed hours, as a UTC instant. Pure arithmetic on the time line. */
export function addElapsedHours(instantIso: string, hours: number): string {
  return new Date(utc(instantIso).toMillis() + hours * HOUR).toISOString();
}

/** The Art. 33(1) deadline of a breach the organisation became aware of at `awareAt`. */
export function breachDeadline(input: BreachDeadlineRequestInput): BreachDeadline {
  const request = parseOrThrow(BreachDeadlineRequest, input, 'breach deadline request');
  const aware = utc(request.awareAt).toISO({ suppressMilliseconds: false }) ?? request.awareAt;
  const dueUtc = addElapsedHours(request.awareAt, BREACH_NOTIFICATION_HOURS);
  const due = inZone(dueUtc, request.timeZone);
  const processorDue =
    request.processorAwareAt && request.processorHours ? inZone(addElapsedHours(request.processorAwareAt, request.processorHours), request.timeZone) : undefined;
  // Hours as the local clock shows them: each instant shifted by its own UTC offset.
  const local = (iso: string) => {
    const at = utc(iso).setZone(request.timeZone);
    return at.toMillis() + at.offset * 60_000;
  };
  const wall = Math.round((local(dueUtc) - local(aware)) / HOUR);
  const rule = [
    `Art. 33(1) GDPR: 72 hours from awareness at ${inZone(aware, request.timeZone)}`,
    'counted as elapsed hours, not moved for weekends or public holidays (Reg. 1182/71 Art. 3(3); Art. 3(4) applies only to periods of days or longer)',
    ...(wall !== BREACH_NOTIFICATION_HOURS ? [`a daylight-saving change in ${request.timeZone} makes it ${wall} hours on the local clock`] : []),
    `due ${due}`,
  ].join('; ');
  return { aware, due, dueUtc, timeZone: request.timeZone, hours: BREACH_NOTIFICATION_HOURS, ...(processorDue ? { processorDue } : {}), rule };
}

/** Milliseconds left until `dueAt` (negative once overdue). */
export function msLeft(dueAtIso: string, nowIso: string): number {
  return utc(dueAtIso).toMillis() - utc(nowIso).toMillis();
}

/**
 * The warning stage the clock is in: the smallest lead time (48, 24, 4 hours; 0 = overdue) that has been
 * reached, or undefined while more than 48 hours are left.
 */
export function warningStage(dueAtIso: string, nowIso: string): number | undefined {
  const left = msLeft(dueAtIso, nowIso);
  const reached = BREACH_WARNING_HOURS.filter((h) => left <= h * HOUR);
  return reached.length ? Math.min(...reached) : undefined;
}
