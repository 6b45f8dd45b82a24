import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: device tokens and join tokens. */
export const newToken = () => randomBytes(32).toString('base64url');
/** Only digests of tokens are stored: a copy of the database lets nobody act as a device. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest();
