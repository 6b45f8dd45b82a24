import { z } from 'zod';
import { Actor, RecordMeta, Sha256Hex, ShortText, UiLanguage } from './common';

export const DOCUMENT_KINDS = ['dpa', 'subprocessors', 'subprocessor-notice', 'dsar-response', 'register', 'breach-notification', 'breach-letter', 'breach-register'] as const;
/** Kinds generated from one breach record or the breach register (the Breaches tab), not from the documents page's form. */
export const BREACH_DOCUMENT_KINDS = ['breach-notification', 'breach-letter', 'breach-register'] as const;
export type BreachDocumentKind = (typeof BREACH_DOCUMENT_KINDS)[number];
/** Kinds the documents page builds from its form (and custom templates exist for). */
export const FORM_DOCUMENT_KINDS = DOCUMENT_KINDS.filter((k): k is Exclude<DocumentKind, BreachDocumentKind> => !(BREACH_DOCUMENT_KINDS as readonly string[]).includes(k));
export type FormDocumentKind = (typeof FORM_DOCUMENT_KINDS)[number];
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A generated document, logged with hashes of its input and output, so a document can later be shown to be the one generated. */
export const GeneratedDocument = RecordMeta.extend({
  kind: DocumentKind,
  language: UiLanguage,
  title: ShortText,
  templateId: ShortText,
  templateVersion: ShortText,
  inputSha256: Sha256Hex,
  outputSha256: Sha256Hex,
  pages: z.number().int().positive(),
  bytes: z.number().int().positive(),
  generatedBy: Actor,
});
export type GeneratedDocument = z.infer<typeof GeneratedDocument>;

/**
 * The PDF of a generated document, kept so it can be downloaded again: its own record (id = the
 * document's id) in its own table, so the passphrase lock seals it like any personal field — a
 * response letter names its recipient.
 */
export const DocumentFile = RecordMeta.extend({
  /** The PDF's bytes, base64 (records and backups are JSON). */
  pdf: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type DocumentFile = z.infer<typeof DocumentFile>;
