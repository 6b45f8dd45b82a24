// Shared by the attack tests: a database built through the product's functions, a lock with fast key
// derivation, and raw access to the stored form (what someone with the browser profile on disk sees).
import { Dexie } from 'dexie';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';
import { PassphraseLock, type KeyKeeper } from '../../lib/db/crypto/lock';

export const FAST = 2_000;
export const PASS = 'correct horse battery staple';
export const NOW = new Date('2026-03-02T09:00:00.000Z');

export function setup(options: { name?: string; keeper?: KeyKeeper } = {}) {
  const name = options.name ?? `attack-${crypto.randomUUID()}`;
  const db = openDatabase(name);
  const repos = createRepositories(db, { now: () => NOW });
  const lock = new PassphraseLock(repos, options.keeper, FAST);
  return { name, repos, lock };
}

/** Opens the database without the vault, as a tool reading the profile on disk would, and runs `fn`. */
export async function onDisk<T>(name: string, fn: (raw: Dexie) => Promise<T>): Promise<T> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return await fn(raw);
  } finally {
    raw.close();
  }
}
