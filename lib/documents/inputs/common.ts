// Input schemas shared by every document kind (DPA, subprocessor list and notice, DSAR letter,
// register report). Documents are filled from the stored records of lib/model, but a document's
// input is a snapshot a user may also write by hand (CLI): stored-record bookkeeping (createdAt,
// updatedAt, deletedAt) is left out and ids are optional.
import { z } from 'zod';
import { ContactPerson, CountryCode, Email, Id, LocalDate, ShortText, UiLanguage } from '../../model/common';
import { ActivityFields } from '../../register/schema';
import { Subprocessor } from '../../model/subprocessor';
import type { OrganisationProfile } from '../../model/organisation';
import { parseOrThrow } from '../../model/errors';

/** A postal address without its country: a party's country is its own field. */
export const PartyAddress = z.object({
  street: ShortText,
  postalCode: z.string().trim().max(20),
  city: ShortText,
});
export type PartyAddress = z.infer<typeof PartyAddress>;

/** The person who signs for a party. */
export const Signatory = z.object({
  name: ShortText,
  /** Their function, e.g. "Managing Director" / "Geschäftsführerin". */
  title: ShortText,
});
export type Signatory = z.infer<typeof Signatory>;

/** A party to a document: controller, processor, the organisation writing a letter. */
export const Party = z.object({
  legalName: ShortText,
  /** Trade-register number (KvK, Handelsregister, REA…). */
  registrationNumber: z.string().trim().max(100).optional(),
  vatNumber: z.string().trim().max(50).optional(),
  address: PartyAddress,
  /** Country of establishment, ISO 3166-1 alpha-2; printed as a country name in the document language. */
  country: CountryCode,
  representative: Signatory,
  /** Contact e-mail for data-protection matters. */
  email: Email,
  /** Data protection officer (Art. 37–39), when the party has designated one. */
  dpo: ContactPerson.optional(),
});
export type Party = z.infer<typeof Party>;

/**
 * Fields every document carries. `language`, when given, must be the language the document is
 * rendered in (a guard against sending a counterparty the wrong version); `date` is also the
 * PDF's creation date, so the same input always gives the same bytes.
 */
export const DocumentFields = z.object({
  language: UiLanguage.optional(),
  date: LocalDate,
  place: ShortText,
});
export type DocumentFields = z.infer<typeof DocumentFields>;

/** Stored-record bookkeeping that has no place in a document. */
const RECORD_BOOKKEEPING = { createdAt: true, updatedAt: true, deletedAt: true } as const;

/** A subprocessor as listed in a document: lib/model's Subprocessor without record bookkeeping. */
export const SubprocessorEntry = Subprocessor.omit(RECORD_BOOKKEEPING).extend({ id: Id.optional() });
export type SubprocessorEntry = z.infer<typeof SubprocessorEntry>;

/**
 * Whether a subprocessor is on the list on `date` (YYYY-MM-DD): added on or before that day and not
 * removed by then (a removal takes effect on its date). The one definition for every document and
 * for the background's list of an earlier date.
 */
export function onListOn(entry: Pick<SubprocessorEntry, 'addedOn' | 'removedOn'>, date: string): boolean {
  return entry.addedOn <= date && (!entry.removedOn || entry.removedOn > date);
}

/**
 * A register entry as reported in a document: lib/model's ProcessingActivity without bookkeeping.
 * The register's own exchange shape (lib/register/schema.ts), so an exported register is a valid input.
 */
export const ActivityEntry = ActivityFields;
export type ActivityEntry = ActivityFields;

/** Validates a document input; throws ValidationError naming every bad field path (`processor.address.city`). */
export function parseDocumentInput<T extends z.ZodType>(schema: T, value: unknown, what = 'document input'): z.infer<T> {
  return parseOrThrow(schema, value, what);
}

/**
 * The organisation profile as a document party. The profile keeps no signatory title, so the
 * caller names the person signing.
 */
export function partyFromOrganisation(profile: OrganisationProfile, signatory: Signatory): Party {
  const { country: _addressCountry, ...address } = profile.address;
  return {
    legalName: profile.legalName,
    ...(profile.registrationNumber ? { registrationNumber: profile.registrationNumber } : {}),
    ...(profile.vatNumber ? { vatNumber: profile.vatNumber } : {}),
    address,
    country: profile.country,
    representative: signatory,
    email: profile.dpo.email,
    dpo: profile.dpo,
  };
}

/** Strips stored-record bookkeeping from a stored subprocessor or activity (for building inputs in the app). */
export function withoutBookkeeping<T extends { createdAt: string; updatedAt: string; deletedAt?: string | undefined }>(
  record: T,
): Omit<T, 'createdAt' | 'updatedAt' | 'deletedAt'> {
  const { createdAt: _c, updatedAt: _u, deletedAt: _d, ...rest } = record;
  return rest;
}
