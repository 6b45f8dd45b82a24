// Input of the register report: the record of processing activities (Art. 30) as a document.
import { z } from 'zod';
import { ShortText } from '../../model/common';
import { CustomVocabulary } from '../../register/vocabulary';
import { ActivityEntry, DocumentFields, Party } from './common';

export const RegisterInput = DocumentFields.extend({
  /** The organisation keeping the record: controller (Art. 30(1)) and/or processor (Art. 30(2)). */
  organisation: Party,
  /** Representative in the Union (Art. 27), when the organisation is established outside it. */
  euRepresentative: ShortText.optional(),
  activities: z.array(ActivityEntry).min(1, 'the register needs at least one activity').max(1000),
  /**
   * The DPO's own vocabulary entries (lib/register/vocabulary.ts). Purposes and categories are
   * stored as vocabulary keys and printed as their labels in the document language.
   */
  vocabulary: CustomVocabulary.default([]),
});
export type RegisterInput = z.infer<typeof RegisterInput>;
