import { z } from 'zod';
import { CountryCode, LocalDate, RecordMeta, ShortText } from './common';
import { TransferSafeguard } from './activity';

/** A subprocessor engaged by the organisation (Art. 28(2), (4)). */
export const Subprocessor = RecordMeta.extend({
  name: ShortText,
  legalEntity: ShortText,
  /** The legal entity's address ("Vajnorská 100/A, 831 04 Bratislava"), printed in Annex IV and the list. */
  address: ShortText.optional(),
  /** Its contact for data protection (e-mail, telephone or a web form's address). */
  contact: ShortText.optional(),
  purpose: ShortText,
  dataCategories: z.array(ShortText).max(100),
  locations: z.array(CountryCode).min(1, 'name at least one processing location').max(50),
  transferMechanism: TransferSafeguard,
  addedOn: LocalDate,
  removedOn: LocalDate.optional(),
});
export type Subprocessor = z.infer<typeof Subprocessor>;
