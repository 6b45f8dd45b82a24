// Input of the response letter to a data subject (Arts. 12–20 GDPR). One letter per `variant`;
// each variant carries the facts its article requires the controller to state.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { CountryCode, Email, LocalDate, ShortText } from '../../model/common';
import { TransferSafeguard } from '../../model/activity';
import { RequestType } from '../../model/request';
import { DocumentFields, Party, PartyAddress, Signatory } from './common';

const List = z.array(ShortText).max(200);
const Paragraphs = z.string().trim().min(1, 'must not be empty').max(10_000, 'is longer than 10 000 characters');

export const LetterRecipient = z
  .object({
    name: ShortText,
    address: PartyAddress.extend({ country: CountryCode }).optional(),
    email: Email.optional(),
    /** How the letter greets the recipient, e.g. "Sehr geehrte Frau Rossi,"; overrides `form`. */
    salutation: ShortText.optional(),
    /**
     * How to address the recipient: "ms" / "mr" give each language's formal greeting with the
     * family name ("Geachte mevrouw Rossi,", "Sehr geehrte Frau Rossi,"); without it the greeting
     * is neutral and uses the full name.
     */
    form: z.enum(['ms', 'mr']).optional(),
    /** The family name the greeting uses (default: the last word of `name`). */
    familyName: ShortText.optional(),
  })
  .refine((r) => r.address || r.email, { message: 'give a postal address or an e-mail address', path: ['address'] });

export const SupervisoryAuthorityRef = z.object({
  name: ShortText,
  /** Postal address on one line, as it should be printed. */
  address: z.string().trim().max(500).optional(),
  website: z.string().trim().max(300).optional(),
});

const Base = DocumentFields.extend({
  /** The organisation answering, as controller. */
  controller: Party,
  recipient: LetterRecipient,
  request: z.object({
    type: RequestType,
    receivedOn: LocalDate,
    /** Our case reference, printed in the subject line. */
    reference: ShortText.optional(),
  }),
  /** Named in every letter: the right to lodge a complaint (Art. 77). */
  supervisoryAuthority: SupervisoryAuthorityRef,
  /** Who signs; by default the controller's representative. */
  signatory: Signatory.optional(),
});

/** Art. 15: confirmation, the Art. 15(1)(a)–(h) information, Art. 15(2) safeguards, a copy (15(3)). */
const Access = Base.extend({
  variant: z.literal('access'),
  purposes: List.min(1, 'name at least one purpose'),
  dataCategories: List.min(1, 'name at least one category of personal data'),
  recipients: List.default([]),
  retention: Paragraphs,
  /** Where the data came from, when not from the data subject (Art. 15(1)(g)). */
  source: z.string().trim().max(2000).optional(),
  /** Automated decision-making incl. profiling (Art. 15(1)(h)), when there is any. */
  automatedDecisions: z.string().trim().max(2000).optional(),
  transfers: z
    .array(z.object({ country: CountryCode, recipient: ShortText, safeguard: TransferSafeguard }))
    .max(50)
    .default([]),
  /** Files sent with the letter: the copy of the data. */
  enclosures: List.min(1, 'name the enclosed copy of the data'),
});

/** Art. 20: the data the subject provided, structured, commonly used and machine-readable. */
const Portability = Base.extend({
  variant: z.literal('portability'),
  dataCategories: List.min(1, 'name at least one category of personal data'),
  format: ShortText,
  files: List.min(1, 'name at least one file'),
  /** Art. 20(2): sent straight to another controller, where technically feasible. */
  transmittedTo: ShortText.optional(),
});

/** Art. 17: what was erased where, what is kept and on which Art. 17(3) ground, who was told (Art. 19). */
const Erasure = Base.extend({
  variant: z.literal('erasure'),
  erasedOn: LocalDate,
  systems: List.min(1, 'name at least one system the data was erased from'),
  retained: z
    .array(
      z.object({
        data: ShortText,
        /** The article that allows keeping it, e.g. "Art. 17(3)(b)". */
        ground: ShortText,
        reason: ShortText,
        until: LocalDate.optional(),
      }),
    )
    .max(50)
    .default([]),
  recipientsNotified: List.default([]),
});

/** Art. 12(3): two further months, told within the first month, with the reasons. */
const Extension = Base.extend({
  variant: z.literal('extension'),
  originalDeadline: LocalDate,
  newDeadline: LocalDate,
  reason: Paragraphs,
});

/** Art. 12(4): no action, with the reasons, the ground, and the remedies (Arts. 77 and 79). */
const Rejection = Base.extend({
  variant: z.literal('rejection'),
  /** The legal ground, e.g. "Art. 17(3)(b)" or "Art. 12(5)(b)". */
  ground: ShortText,
  explanation: Paragraphs,
});

const VARIANT_TYPE = { access: 'access', portability: 'portability', erasure: 'erasure' } as const;

export const DsarResponseInput = z
  .discriminatedUnion('variant', [Access, Portability, Erasure, Extension, Rejection])
  .superRefine((input, ctx) => {
    const expected = VARIANT_TYPE[input.variant as keyof typeof VARIANT_TYPE];
    if (expected && input.request.type !== expected)
      ctx.addIssue({ code: 'custom', path: ['request', 'type'], message: `a ${input.variant} letter answers a request of type "${expected}"` });
    if (input.request.receivedOn > input.date)
      ctx.addIssue({ code: 'custom', path: ['request', 'receivedOn'], message: 'must not be after the letter date' });
    if (input.variant === 'extension') {
      if (input.newDeadline <= input.originalDeadline)
        ctx.addIssue({ code: 'custom', path: ['newDeadline'], message: 'must be after the original deadline' });
      // Art. 12(3): at most two further months. The period's end may move to the next working
      // day (Regulation 1182/71, Art. 3(4)), so a few days of slack are allowed; lib/law computes it exactly.
      const utc = { zone: 'utc' } as const;
      const latest = DateTime.max(
        DateTime.fromISO(input.originalDeadline, utc).plus({ months: 2 }),
        DateTime.fromISO(input.request.receivedOn, utc).plus({ months: 3 }),
      ).plus({ days: 4 });
      const limit = latest.toISODate();
      if (limit && input.newDeadline > limit)
        ctx.addIssue({ code: 'custom', path: ['newDeadline'], message: 'may extend the deadline by at most two further months (Art. 12(3))' });
      // Art. 12(3): the subject must be told within one month of receipt.
      if (input.date > input.originalDeadline)
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'an extension must be notified before the original deadline' });
    }
  });
export type DsarResponseInput = z.infer<typeof DsarResponseInput>;
export type DsarVariant = DsarResponseInput['variant'];
