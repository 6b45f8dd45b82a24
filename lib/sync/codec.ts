// Byte encodings the team protocol uses on the wire (docs/team-protocol.md): base64url without padding,
// on top of the byte helpers the passphrase lock already uses.
import { fromBase64, toBase64, utf8 as utf8Codec } from '../db/crypto/bytes';

export const toBase64Url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  return fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
}

export const utf8 = utf8Codec.encode;
export const fromUtf8 = utf8Codec.decode;
