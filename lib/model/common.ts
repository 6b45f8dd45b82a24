// Shared building blocks of every schema. Imports only zod, so every layer (content script, background, CLI, server) can use it.
import { z } from 'zod';

/** Languages that are first-class in the UI and in generated documents. */
export const UI_LANGUAGES = ['en', 'nl', 'de', 'it'] as const;
export const UiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguage>;

/** Languages the request classifier understands (a superset of the UI languages). */
export const DETECT_LANGUAGES = ['en', 'nl', 'de', 'it', 'fr', 'es'] as const;
export const DetectLanguage = z.enum(DETECT_LANGUAGES);
export type DetectLanguage = z.infer<typeof DetectLanguage>;

export const Id = z.string().min(1, 'must not be empty').max(100);
export type Id = z.infer<typeof Id>;

/** An instant, stored in UTC as ISO 8601 (`2026-11-22T09:30:00.000Z`); sorts lexicographically. */
export const Instant = z.iso.datetime({ offset: false, message: 'must be an ISO 8601 UTC instant like 2026-11-22T09:30:00.000Z' });
export type Instant = z.infer<typeof Instant>;

/** A calendar day without time zone (`2026-11-22`). */
export const LocalDate = z.iso.date({ message: 'must be a date like 2026-11-22' });
export type LocalDate = z.infer<typeof LocalDate>;

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code like NL');

/** IANA time zone, checked against the platform's time-zone database. */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone like Europe/Amsterdam');

/** E-mail addresses are compared case-insensitively and without surrounding space. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an e-mail address' }));

const Trimmed = z.string().trim();
export const NonEmpty = Trimmed.min(1, 'must not be empty');
export const ShortText = NonEmpty.max(500, 'is longer than 500 characters');
export const LongText = z.string().max(20_000, 'is longer than 20 000 characters');

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

export const HttpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/**
 * A value a team member's edit overwrote without having seen it (two members edited the same field at
 * once; lib/sync/README.md, "Conflicts"): the later edit in team order wins, the earlier value stays here,
 * in the record's history, the same on every replica.
 */
export const FieldNote = z.object({
  field: z.string().max(100),
  /** The overwritten value, as JSON (cut at 2000 characters). */
  value: z.string().max(2100),
  /** Who wrote it, and the team order of that change. */
  by: z.string().max(200),
  order: z.number().int().nonnegative(),
  /** Who overwrote it. */
  overwrittenBy: z.string().max(200),
});
export type FieldNote = z.infer<typeof FieldNote>;

/** Fields every stored record carries. `deletedAt` marks a soft delete: the record stays recoverable until it is purged. */
export const RecordMeta = z.object({
  id: Id,
  createdAt: Instant,
  updatedAt: Instant,
  deletedAt: Instant.optional(),
  /** Values concurrent team edits overwrote (lib/sync/fields.ts). */
  overwritten: z.array(FieldNote).max(500).optional(),
});
export type RecordMeta = z.infer<typeof RecordMeta>;

/** Someone acting in the extension: an agent or DPO, named as they configured themselves. */
export const Actor = ShortText;

export const PostalAddress = z.object({
  street: ShortText,
  postalCode: z.string().trim().max(20),
  city: ShortText,
  country: CountryCode,
});
export type PostalAddress = z.infer<typeof PostalAddress>;

export const ContactPerson = z.object({
  name: ShortText,
  email: Email,
  phone: z.string().trim().max(50).optional(),
  role: z.string().trim().max(200).optional(),
});
export type ContactPerson = z.infer<typeof ContactPerson>;
