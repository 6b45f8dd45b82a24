import { z } from 'zod';
import { ContactPerson, CountryCode, Id, RecordMeta, ShortText } from './common';

/** Art. 6(1)(a)–(f) lawful bases. */
export const LegalBasis = z.enum(['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests']);
export type LegalBasis = z.infer<typeof LegalBasis>;
export const LEGAL_BASIS_ARTICLE: Record<LegalBasis, string> = {
  consent: 'Art. 6(1)(a)',
  contract: 'Art. 6(1)(b)',
  'legal-obligation': 'Art. 6(1)(c)',
  'vital-interests': 'Art. 6(1)(d)',
  'public-task': 'Art. 6(1)(e)',
  'legitimate-interests': 'Art. 6(1)(f)',
};

/** Art. 46/45/47/49 safeguards for transfers to third countries. */
export const TransferSafeguard = z.enum(['adequacy', 'scc', 'bcr', 'derogation-art49', 'none-needed']);
export type TransferSafeguard = z.infer<typeof TransferSafeguard>;

export const ThirdCountryTransfer = z.object({
  country: CountryCode,
  recipient: ShortText,
  safeguard: TransferSafeguard,
  /** SCC module (1–4) when safeguard is `scc`. */
  sccModule: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  documentation: z.string().trim().max(2000).default(''),
});
export type ThirdCountryTransfer = z.infer<typeof ThirdCountryTransfer>;

/** Art. 9(2)(a)–(j) conditions for special categories. */
export const Art9Condition = z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);

const List = z.array(ShortText).max(200);

/** One entry of the record of processing activities (Art. 30(1), and 30(2) for processors). */
export const ProcessingActivity = RecordMeta.extend({
  name: ShortText,
  role: z.enum(['controller', 'processor']),
  controller: ContactPerson.extend({ entity: ShortText }).optional(),
  jointControllers: z.array(ShortText).max(20).default([]),
  representative: ShortText.optional(),
  dpo: ShortText.optional(),
  purposes: List.default([]),
  dataSubjectCategories: List.default([]),
  personalDataCategories: List.default([]),
  recipients: List.default([]),
  transfers: z.array(ThirdCountryTransfer).max(50).default([]),
  retention: z.string().trim().max(2000).default(''),
  securityMeasures: z.string().trim().max(10_000).default(''),
  /** Art. 30(2)(b): categories of processing carried out on behalf of each controller. */
  processingOnBehalf: z.array(z.object({ controller: ShortText, categories: List })).max(50).default([]),
  legalBasis: LegalBasis.optional(),
  legitimateInterest: z.string().trim().max(2000).optional(),
  specialCategories: z.array(z.object({ category: ShortText, condition: Art9Condition })).max(20).default([]),
  systems: List.default([]),
  subprocessorIds: z.array(Id).max(200).default([]),
  dpiaRequired: z.boolean().default(false),
  /** Retention schedule used by the purge step (days after which events of this activity expire). */
  retentionDays: z.number().int().positive().max(36_500).optional(),
});
export type ProcessingActivity = z.infer<typeof ProcessingActivity>;
