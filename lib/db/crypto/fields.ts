// Which fields of which tables hold personal data and are encrypted at rest while the lock is on.
//
// Everything else stays in plain text on purpose: ids, dates, statuses and types drive the indexes, the
// queue and the badge (which must count while locked), and hold nothing about a person. The register,
// consent purposes and texts, subprocessors and the organisation profile describe the organisation, not
// data subjects. The audit log holds record ids and field names only (lib/model/audit.ts) and stays
// plain so that the chain can be verified without the passphrase.
import type { RecordTable } from '../schema';

export interface SealedTable {
  /** Top-level fields encrypted together, in one AES-GCM ciphertext per record. */
  fields: readonly string[];
  /**
   * Indexed fields that hold keyed hashes (HMAC-SHA-256) instead of their values while the lock is on,
   * so that lookups still use the index and the values are never stored in plain text.
   */
  blind?: Readonly<Record<string, { kind: LookupKind; values: (record: Record<string, unknown>) => string[] }>>;
  /** Only the rows this accepts are sealed; the table's other rows stay plain (the settings table). */
  only?: (record: Record<string, unknown>) => boolean;
}

/**
 * Settings rows that hold secrets: the team membership (this device's signing and key-exchange secret
 * keys, its server token, the team keys; lib/sync/state.ts) and the install secret that keys erased
 * subjects' pseudonyms (lib/db/subject-data.ts). Sealed whole, so while locked this browser can neither
 * sync nor sign, and a copy of the profile does not give the team key or the device's identity.
 */
export const SEALED_SETTINGS: readonly string[] = ['team', 'installSecret'];

export type LookupKind = 'email' | 'name';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export const SEALED: Partial<Record<RecordTable | 'settings', SealedTable>> = {
  subjects: {
    fields: ['emails', 'names', 'helpdeskContacts'],
    blind: {
      emails: { kind: 'email', values: (r) => strings(r.emails) },
      // Names are searched by whole words while locked-capable (a keyed hash has no prefixes).
      names: { kind: 'name', values: (r) => strings(r.names).flatMap(nameWords) },
    },
  },
  // Free text and anything copied from the ticket: notes, reasons, evidence, outcome, the ticket subject.
  requests: { fields: ['transitions', 'identity', 'checklist', 'notes', 'outcome', 'extension', 'source'] },
  consents: { fields: ['evidence'] },
  events: { fields: ['description', 'recipient', 'ticket'] },
  // A response letter's title may name the subject. The hashes too: its input holds the recipient's name
  // and e-mail, so an unkeyed hash of it would confirm a guess; the PDF names the recipient.
  documents: { fields: ['title', 'inputSha256', 'outputSha256'] },
  documentFiles: { fields: ['pdf'] },
  settings: { fields: ['value'], only: (r) => SEALED_SETTINGS.includes(String(r.key)) },
  // What was reported and by whom, the ticket it came from, free-text reasons: they may name people.
  breaches: { fields: ['awareness', 'description', 'consequences', 'transitions', 'source', 'notes', 'communication'] },
};

/** The words of a name, lower-cased, as the encrypted name index holds them (one keyed hash each). */
export function nameWords(name: string): string[] {
  return [...new Set(name.normalize('NFC').toLowerCase().split(/[\s,;:.()"'’\-]+/u).filter((w) => w.length > 0))];
}
