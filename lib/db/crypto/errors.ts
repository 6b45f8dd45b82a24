// Errors of the passphrase lock. The background maps LockedError to the typed message error 'locked'.
import { ValidationError } from '../../model/errors';

/** Personal fields are encrypted and the key is not in memory: unlock first. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor() {
    super('Privacy Desk is locked: unlock it with your passphrase in the options page.');
  }
}

/** The passphrase does not derive this database's (or this backup's) key. */
export class PassphraseError extends ValidationError {
  constructor(message: string) {
    super('passphrase', ['passphrase'], message);
    this.message = message;
  }
}
