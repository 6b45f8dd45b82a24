// Backups in transit between the background and an extension page, chunk by chunk (runtime messages are
// limited in size). Each transfer holds its whole text in the background's memory, so their number and
// size are capped: pages sending upload after upload must not exhaust the service worker's memory.
import { ConflictError } from '../../lib/db/errors';
import { FILE_LIMITS } from '../../lib/messaging/file-limits';

/** A backup in transit is dropped after this long (the page has long given up by then). */
export const TRANSFER_TTL_MS = 15 * 60_000;
/** At most this many backups in transit at once: one download and one upload, or two of either. */
export const MAX_TRANSFERS = 2;

export interface Transfer {
  chunks: string[];
  total: number;
  chars: number;
  at: number;
}

export class BackupTransfers {
  private readonly open = new Map<string, Transfer>();

  constructor(
    private readonly now: () => number = Date.now,
    /** Characters of one upload at most (tests lower it). */
    private readonly maxChars: number = FILE_LIMITS.backup,
  ) {}

  /** Starts a transfer (a download's chunks, or an empty upload); refused while MAX_TRANSFERS are under way. */
  start(chunks: string[], total: number): string {
    this.ensureRoom();
    const id = crypto.randomUUID();
    this.open.set(id, { chunks, total, chars: chunks.reduce((n, c) => n + c.length, 0), at: this.now() });
    return id;
  }

  /** Throws when no further transfer may start now (checked before the work of making a backup). */
  ensureRoom(): void {
    this.sweep();
    if (this.open.size >= MAX_TRANSFERS) throw new ConflictError(`${MAX_TRANSFERS} backup transfers are already under way: wait for them to finish`);
  }

  get(id: string): Transfer {
    this.sweep();
    const found = this.open.get(id);
    if (!found) throw new ConflictError('This backup transfer expired or is unknown: start again');
    found.at = this.now();
    return found;
  }

  /** Adds the next chunk of an upload; refuses chunks out of order and a file larger than a backup may be. */
  append(id: string, index: number, total: number, text: string): number {
    const t = this.get(id);
    if (total !== t.total || index !== t.chunks.length) throw new ConflictError(`Expected chunk ${t.chunks.length} of ${t.total}`);
    if (t.chars + text.length > this.maxChars) {
      this.open.delete(id);
      throw new ConflictError(`A backup file is at most ${this.maxChars} characters: this one is larger`);
    }
    t.chunks.push(text);
    t.chars += text.length;
    return t.chunks.length;
  }

  finish(id: string): void {
    this.open.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, t] of this.open) if (now - t.at > TRANSFER_TTL_MS) this.open.delete(key);
  }
}
