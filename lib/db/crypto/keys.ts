// Key derivation for the passphrase lock and for encrypted backups.
//
// PBKDF2-HMAC-SHA-256 (WebCrypto: native speed, so a high iteration count costs the user well under a
// second) turns the passphrase into a 256-bit master key. HKDF then derives independent subkeys from it,
// one per purpose, so the field-encryption key, the lookup (keyed hash) key and the key-check value
// never share bytes: the stored key-check value reveals nothing about the other two. Asking PBKDF2 for
// 512 bits instead would run it twice and give an attacker who only needs the first block a 2× edge.
import { z } from 'zod';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Instant } from '../../model/common';
import { toHex } from '../../audit/sha256';
import { fromBase64, utf8 } from './bytes';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256. */
export const DEFAULT_ITERATIONS = 600_000;
/**
 * Accepted range. The upper bound matters for backups: a foreign file must not make us spin for hours.
 * The lower bound lets tests run fast; the UI always uses DEFAULT_ITERATIONS.
 */
export const Iterations = z.number().int().min(1_000).max(10_000_000);

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');
export const Salt = Base64.refine((s) => s.length >= 22, 'must be at least 16 bytes');

/** What the settings table keeps about the lock (row key ENCRYPTION_SETTING). Never the key itself. */
export const EncryptionConfig = z.object({
  /**
   * 2: the audit log carries a keyed checkpoint (lib/audit/seal.ts) from this key on. Its key check is
   * derived under another label, so the row cannot be turned back to 1 (a log without checkpoint, whose
   * first unlock would seal whatever the log then holds) by anyone who does not know the passphrase.
   */
  version: z.union([z.literal(1), z.literal(2)]),
  cipher: z.literal('AES-256-GCM'),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: Iterations,
  salt: Salt,
  /** Names the key a ciphertext was sealed with, so a passphrase change can tell old from new. */
  keyId: z.string().regex(/^[0-9a-f]{8}$/),
  /** HKDF(master, "key-check"): compared on unlock to tell a wrong passphrase from a right one. */
  keyCheck: z.string().regex(/^[0-9a-f]{64}$/),
  enabledAt: Instant,
});
export type EncryptionConfig = z.infer<typeof EncryptionConfig>;
export const ENCRYPTION_SETTING = 'encryption';

export async function deriveMasterKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  // NFC: the same passphrase typed on two systems may arrive composed or decomposed (é vs e + ´).
  const material = await globalThis.crypto.subtle.importKey('raw', utf8.encode(passphrase.normalize('NFC')) as BufferSource, 'PBKDF2', false, ['deriveBits']);
  const bits = await globalThis.crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, 256);
  return new Uint8Array(bits);
}

export type KeyPurpose = 'fields' | 'lookup' | 'key-check' | 'key-check/2' | 'backup' | 'audit';

export function deriveSubkey(master: Uint8Array, purpose: KeyPurpose): Uint8Array {
  return hkdf(sha256, master, undefined, utf8.encode(`privacy-desk/v1/${purpose}`), 32);
}

export function keyCheckOf(master: Uint8Array, version: EncryptionConfig['version'] = 1): string {
  return toHex(deriveSubkey(master, version === 1 ? 'key-check' : 'key-check/2'));
}

export function saltOf(config: { salt: string }): Uint8Array {
  return fromBase64(config.salt);
}
