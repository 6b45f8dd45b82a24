// Dexie on fake-indexeddb in Node: subject lookup by e-mail and audit verify(). fake-indexeddb is
// 4–37× faster than Chromium's IndexedDB (measured on the development machine): these numbers are not browser numbers.
// 1 000 000 audit entries do not fit fake-indexeddb in reasonable time; Node runs with 100 000.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { createRepositories } from '../lib/db/repositories';
import { openDatabase } from '../lib/db/schema';
import { findSubjectByEmail } from '../lib/db/requests';
import { verifyAudit } from '../lib/audit/verify';
import { seedAudit, seedRequests, subjectEmail } from './seed';
import { percentile, round, type BenchRow } from './types';

export async function benchDbNode(requests = 100_000, auditEntries = 100_000): Promise<BenchRow[]> {
  const repos = createRepositories(openDatabase(`bench-${Date.now()}`));
  const { subjects, requests: reqs } = seedRequests(requests);
  let t = performance.now();
  await repos.db.transaction('rw', repos.db.subjects, repos.db.requests, async () => {
    await repos.db.subjects.bulkAdd(subjects);
    await repos.db.requests.bulkAdd(reqs);
  });
  const insertMs = performance.now() - t;
  await seedAudit(auditEntries, async (entries) => void (await repos.db.audit.bulkAdd(entries)));

  const samples: number[] = [];
  for (let i = 0; i < 500; i += 1) {
    const email = subjectEmail((i * 7919) % subjects.length);
    t = performance.now();
    const found = await findSubjectByEmail(repos, email);
    samples.push(performance.now() - t);
    if (!found) throw new Error(`bench: ${email} not found`);
  }
  t = performance.now();
  const verified = await verifyAudit(repos.db);
  const verifyMs = performance.now() - t;
  if (!verified.ok) throw new Error('bench: audit chain did not verify');
  const note = `Node, fake-indexeddb, ${requests.toLocaleString('en')} requests, ${auditEntries.toLocaleString('en')} audit entries`;
  repos.db.close();
  return [
    { group: 'db (Node)', name: 'bulk insert requests + subjects', value: round((requests + subjects.length) / (insertMs / 1000), 0), unit: 'records/s', note },
    { group: 'db (Node)', name: 'subject lookup by e-mail p50', value: round(percentile(samples, 50), 3), unit: 'ms', note },
    { group: 'db (Node)', name: 'subject lookup by e-mail p95', value: round(percentile(samples, 95), 3), unit: 'ms', note },
    { group: 'db (Node)', name: `audit verify() over ${auditEntries.toLocaleString('en')} entries`, value: round(verifyMs, 0), unit: 'ms', note },
  ];
}
