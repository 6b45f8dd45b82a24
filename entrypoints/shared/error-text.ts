// One way to put a failure into words on every page and in the overlay: the message the background
// sent (MessageFailure) or the error's own message — never `String(error)`, which prints "Error: …".
import { MessageFailure } from '../../lib/messaging/client';

export function errorText(error: unknown): string {
  if (error instanceof MessageFailure || error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Unexpected error';
}
