// Writes test/fixtures/db-v<N>/ for the current schema version: the store definitions, a database
// written through the product's own functions (test/backup/helpers.ts populate, plus a generated
// document with its PDF), and the same database as stored with the passphrase lock on. Run once when a
// schema version is released, never again for that version: `npx tsx scripts/make-db-fixture.ts`.
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createRepositories } from '../lib/db/repositories';
import { openDatabase } from '../lib/db/schema';
import { PassphraseLock } from '../lib/db/crypto/lock';
import { recordDocument } from '../lib/db/documents';
import { sha256Hex } from '../lib/documents/hash';
import { populate, rawTables } from '../test/backup/helpers';

z.config({ jitless: true });

const at = new Date('2026-03-02T09:00:00.000Z');
let id = 0;
// Fixed ids and instants, so a regenerated fixture differs only where the code changed.
globalThis.crypto.randomUUID = () => `00000000-0000-4000-8000-${String((id += 1)).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`;

async function build(name: string, lock?: string): Promise<ReturnType<typeof createRepositories>> {
  id = 0;
  const repos = createRepositories(openDatabase(name), { now: () => at });
  if (lock) await new PassphraseLock(repos, undefined, 2_000).enable(lock);
  await populate(repos);
  const pdf = new TextEncoder().encode('%PDF-1.7\n% Auskunft an Sabine Müller\n%%EOF\n');
  await recordDocument(repos, 'Dana DPO', { kind: 'dsar-response', language: 'de', title: 'Auskunft an Sabine Müller', templateId: 'builtin:dsar-response/de', templateVersion: '1', inputSha256: 'd'.repeat(64), outputSha256: await sha256Hex(pdf), pages: 1 }, pdf);
  return repos;
}

const plain = await build('fixture-plain');
const version = (await plain.db.open()).verno;
const dir = join(import.meta.dirname, `../test/fixtures/db-v${version}`);
if (existsSync(dir)) throw new Error(`${dir} exists: released fixtures are frozen`);
const raw = await rawTables('fixture-plain');
const { settings, audit, ...tables } = raw;
const stores = Object.fromEntries(plain.db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
plain.db.close();
await build('fixture-sealed', `fixture passphrase v${version}`);
const sealed = await rawTables('fixture-sealed');
mkdirSync(dir, { recursive: true });
const write = (file: string, value: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(value, null, 1)}\n`);
write('stores.json', { version, stores });
write('plain.json', { tables, settings, audit });
write('sealed.json', sealed);
console.info(`wrote ${dir}`);
