// Inputs of the breach documents: the notification to the supervisory authority (Art. 33), the letter to
// the people affected (Art. 34) and the breach register report (Art. 33(5)). A breach appears as a
// snapshot of lib/model's record without bookkeeping, with the register activities and subprocessors it
// is linked to by id written out by name (a document is read without the database).
import { z } from 'zod';
import { ShortText } from '../../model/common';
import { BreachFields } from '../../model/breach';
import { DocumentFields, Party } from './common';

const Names = z.array(ShortText).max(200).default([]);

export const BreachEntry = BreachFields.omit({ open: true, transitions: true, source: true, ticketKey: true, notes: true, affected: true, subjectLanguage: true })
  .extend({
    /** Our own reference for the breach, printed on every document about it. */
    reference: ShortText,
    affected: BreachFields.shape.affected.unwrap().omit({ activityIds: true, subprocessorIds: true }).extend({
      /** Register activities involved, by name. */
      activities: Names,
      /** Subprocessors involved, by name. */
      subprocessors: Names,
    }),
  });
export type BreachEntry = z.infer<typeof BreachEntry>;
export type BreachEntryInput = z.input<typeof BreachEntry>;

const WithZone = DocumentFields.extend({
  /** The organisation itself, as controller. */
  controller: Party,
  /** Times are printed in this zone, with its offset. */
  timeZone: z.string().trim().min(1).max(100),
});

/** Art. 33(3)–(5): the notification, initial or a follow-up (Art. 33(4)). */
export const BreachNotificationInput = WithZone.extend({
  phase: z.enum(['initial', 'follow-up']).default('initial'),
  breach: BreachEntry,
});
export type BreachNotificationInput = z.infer<typeof BreachNotificationInput>;

/** Art. 34(2): the communication to the people affected, in their language. */
export const BreachLetterInput = WithZone.extend({
  breach: BreachEntry,
  /** A named recipient; by default the letter greets everyone affected. */
  recipient: z.object({ name: ShortText }).optional(),
  /** What people can do themselves to protect against the consequences. */
  advice: z.string().trim().max(5000).optional(),
});
export type BreachLetterInput = z.infer<typeof BreachLetterInput>;

/** Art. 33(5): the register of every breach, notified or not. */
export const BreachRegisterInput = WithZone.extend({
  breaches: z.array(BreachEntry).max(5000),
});
export type BreachRegisterInput = z.infer<typeof BreachRegisterInput>;
