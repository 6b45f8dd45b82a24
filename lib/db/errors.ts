/** A record the caller named does not exist (or is past its purge). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(table: string, id: string) {
    super(`No ${table} record with id "${id}"`);
  }
}

/** A write that breaks a rule of the data, e.g. an invalid request transition. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** The browser refused the write because storage is full (QuotaExceededError). */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor() {
    super('The browser has no storage left for Privacy Desk: nothing was written. Free disk space or export and purge old records.');
  }
}
