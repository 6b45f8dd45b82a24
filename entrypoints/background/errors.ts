// Maps thrown errors to the typed errors the message protocol returns.
import { ValidationError } from '../../lib/model/errors';
import { ConflictError, NotFoundError, StorageFullError } from '../../lib/db/errors';
import { LockedError } from '../../lib/db/crypto/errors';
import type { MessageError } from '../../lib/messaging/protocol';

export function mapError(error: unknown): MessageError {
  if (error instanceof ValidationError) return { code: 'validation', message: error.message };
  if (error instanceof NotFoundError) return { code: 'not-found', message: error.message };
  if (error instanceof ConflictError) return { code: 'conflict', message: error.message };
  if (error instanceof StorageFullError) return { code: 'storage-full', message: error.message };
  if (error instanceof LockedError) return { code: 'locked', message: error.message };
  console.error('Privacy Desk background error', error);
  return { code: 'internal', message: error instanceof Error ? error.message : 'Unexpected error' };
}
