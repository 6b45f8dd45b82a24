import { z } from 'zod';
import { CountryCode, LocalDate, RecordMeta, ShortText } from './common';
import { TransferSafeguard } from './activity';

/** A subprocessor engaged by the organisation (Art. 28(2), (4)). */
export const Subprocessor = RecordMeta.extend({
  name: ShortText,
  legalEntity: ShortText,
  purpose: ShortText,
  dataCategories: z.array(ShortText).max(100),
  locations: z.array(CountryCode).min(1, 'name at least one processing location').max(50),
  transferMechanism: TransferSafeguard,
  addedOn: LocalDate,
  removedOn: LocalDate.optional(),
});
export type Subprocessor = z.infer<typeof Subprocessor>;
