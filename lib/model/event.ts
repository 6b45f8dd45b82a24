import { z } from 'zod';
import { Actor, Id, Instant, RecordMeta } from './common';
import { SourceTicket } from './request';
import { EVENT_TYPES } from './enums';

export { EVENT_TYPES };
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** Something done with personal data, linked to a register activity (Art. 30 record, Art. 5(2) accountability). */
export const ProcessingEvent = RecordMeta.extend({
  type: EventType,
  activityId: Id,
  subjectId: Id.optional(),
  ticket: SourceTicket.optional(),
  recipient: z.string().trim().max(500).optional(),
  description: z.string().trim().max(5000).default(''),
  actor: Actor,
  at: Instant,
});
export type ProcessingEvent = z.infer<typeof ProcessingEvent>;
