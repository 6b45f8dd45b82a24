// The keys of team sync (lib/sync/README.md): each device signs its changes with Ed25519 and receives
// team keys sealed to its X25519 key; the team key seals every change with XChaCha20-Poly1305. All of
// it is @noble code, synchronous and identical in Node and the browsers, so a change can be sealed
// inside the IndexedDB transaction that writes the records it describes.
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fromBase64Url, toBase64Url, utf8 } from './codec';

export interface DeviceKeys {
  signSecret: Uint8Array;
  signPublic: Uint8Array;
  boxSecret: Uint8Array;
  boxPublic: Uint8Array;
}

export function newDeviceKeys(): DeviceKeys {
  const signSecret = ed25519.utils.randomSecretKey();
  const boxSecret = x25519.utils.randomSecretKey();
  return { signSecret, signPublic: ed25519.getPublicKey(signSecret), boxSecret, boxPublic: x25519.getPublicKey(boxSecret) };
}

export const newTeamKey = (): Uint8Array => randomBytes(32);

export const sign = (message: Uint8Array, secret: Uint8Array): Uint8Array => ed25519.sign(message, secret);

export function verifySignature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** Seals bytes under a 32-byte key: 24-byte random nonce, then the ciphertext with its tag. */
export function seal(key: Uint8Array, plain: Uint8Array, associated?: Uint8Array): Uint8Array {
  const nonce = randomBytes(24);
  const body = xchacha20poly1305(key, nonce, associated).encrypt(plain);
  const out = new Uint8Array(24 + body.length);
  out.set(nonce);
  out.set(body, 24);
  return out;
}

/** Opens what `seal` made; throws when the key is wrong or a byte changed. */
export function open(key: Uint8Array, sealed: Uint8Array, associated?: Uint8Array): Uint8Array {
  if (sealed.length < 24 + 16) throw new Error('sealed data is too short');
  return xchacha20poly1305(key, sealed.subarray(0, 24), associated).decrypt(sealed.subarray(24));
}

/**
 * A team key sealed to one device (an envelope): an ephemeral X25519 key agrees a secret with the
 * device's box key, HKDF turns it into the sealing key. Only that device can open it.
 */
export function sealTo(recipientBoxPublic: Uint8Array, plain: Uint8Array, context: string): string {
  const ephemeral = x25519.utils.randomSecretKey();
  const shared = x25519.getSharedSecret(ephemeral, recipientBoxPublic);
  const key = hkdf(sha256, shared, undefined, utf8(`privacy-desk envelope ${context}`), 32);
  const ephemeralPublic = x25519.getPublicKey(ephemeral);
  const body = seal(key, plain, ephemeralPublic);
  const out = new Uint8Array(32 + body.length);
  out.set(ephemeralPublic);
  out.set(body, 32);
  return toBase64Url(out);
}

export function openFrom(boxSecret: Uint8Array, envelope: string, context: string): Uint8Array {
  const bytes = fromBase64Url(envelope);
  const ephemeralPublic = bytes.subarray(0, 32);
  const shared = x25519.getSharedSecret(boxSecret, ephemeralPublic);
  const key = hkdf(sha256, shared, undefined, utf8(`privacy-desk envelope ${context}`), 32);
  return open(key, bytes.subarray(32), ephemeralPublic);
}

/**
 * The opaque id under which the server files a subject's changes, so an erasure can delete them
 * (POST /v1/shred) without the server learning who the subject is: HMAC of the subject's record id under
 * a key derived from the team's first key.
 */
export function subjectRef(teamSecret: Uint8Array, subjectId: string): string {
  return bytesToHex(hmac(sha256, teamSecret, utf8(`subject:${subjectId}`)));
}

export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
