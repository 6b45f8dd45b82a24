// Input of the subprocessor list (Art. 28(2): the controller is told of changes) and of the notice that announces changes to it.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { LocalDate, ShortText } from '../../model/common';
import { DocumentFields, Party, SubprocessorEntry } from './common';

/** One published version of the list. */
export const SubprocessorListVersion = z.object({
  /** How the organisation numbers its list, e.g. "7" or "2026-03". */
  version: ShortText,
  /** The day this version took effect. */
  date: LocalDate,
  subprocessors: z.array(SubprocessorEntry).max(500),
});
export type SubprocessorListVersion = z.infer<typeof SubprocessorListVersion>;

/** `subprocessors`: the current list as a document. `date` is the date printed on the list. */
export const SubprocessorListInput = DocumentFields.extend({
  organisation: Party,
  list: SubprocessorListVersion,
});
export type SubprocessorListInput = z.infer<typeof SubprocessorListInput>;

/**
 * `subprocessor-notice`: tells customers how the list changed (Art. 28(2): the controller may
 * object to an intended change). The objection period runs from the notice date.
 */
export const SubprocessorNoticeInput = DocumentFields.omit({ date: true })
  .extend({
    organisation: Party,
    /** The day the notice is sent; the objection period counts from it. */
    noticeDate: LocalDate,
    /** Calendar days the customer has to object. */
    objectionPeriodDays: z.number().int().min(1, 'must be at least 1 day').max(365, 'must be at most 365 days'),
    /** When the changes take effect; by default the day after the objection period ends. */
    effectiveDate: LocalDate.optional(),
    previous: SubprocessorListVersion,
    current: SubprocessorListVersion,
  })
  .superRefine((input, ctx) => {
    if (input.current.date < input.previous.date)
      ctx.addIssue({ code: 'custom', path: ['current', 'date'], message: 'must not be before the previous version\'s date' });
    if (input.effectiveDate && input.effectiveDate < input.noticeDate)
      ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: 'must not be before the notice date' });
    else if (input.effectiveDate) {
      // Art. 28(2) GDPR: the customer must be able to object before the change takes effect.
      const deadline = DateTime.fromISO(input.noticeDate, { zone: 'utc' }).plus({ days: input.objectionPeriodDays }).toISODate()!;
      if (input.effectiveDate <= deadline)
        ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: `must be after the objection deadline (${deadline}): customers must be able to object before the change takes effect (Art. 28(2) GDPR)` });
    }
  });
export type SubprocessorNoticeInput = z.infer<typeof SubprocessorNoticeInput>;
