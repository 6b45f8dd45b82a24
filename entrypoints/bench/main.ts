// Benchmark hooks on the extension's origin, in the test build only (wxt.config.ts drops this page
// from release builds). bench/chromium.ts calls window.pdBench through playwright.
// First: the test flavour's clock must be in place before any module reads the time.
import '../shared/test-clock';
import { z } from 'zod';
import { createRepositories } from '../../lib/db/repositories';
import { findSubjectByEmail, countDueBefore, queryQueue } from '../../lib/db/requests';
import { verifyAudit } from '../../lib/audit/verify';
import { SEED_VERSION, seedAudit, seedRequests, subjectEmail } from '../../bench/seed';
import { bigDpaInput } from '../../bench/dpa-input';
import { renderDocument } from '../../lib/documents/render';
import { loadExtensionFonts } from '../background/documents/fonts';

z.config({ jitless: true });
const repos = createRepositories();

function pct(samples: number[], p: number) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const pdBench = {
  async counts() {
    const seed = (await repos.db.settings.get('benchSeed'))?.value;
    return { requests: await repos.db.requests.count(), subjects: await repos.db.subjects.count(), audit: await repos.db.audit.count(), seed: seed === SEED_VERSION ? 1 : 0 };
  },
  async clear() {
    await Promise.all([repos.db.requests.clear(), repos.db.subjects.clear(), repos.db.audit.clear(), repos.db.settings.clear()]);
  },
  async seedRequests(n: number) {
    const { subjects, requests } = seedRequests(n);
    const t = performance.now();
    for (let i = 0; i < requests.length; i += 10_000)
      await repos.db.transaction('rw', repos.db.subjects, repos.db.requests, async () => {
        await repos.db.subjects.bulkPut(subjects.slice(i / 2, (i + 10_000) / 2));
        await repos.db.requests.bulkPut(requests.slice(i, i + 10_000));
      });
    return { ms: performance.now() - t, records: subjects.length + requests.length };
  },
  async markSeeded() {
    await repos.db.settings.put({ key: 'benchSeed', value: SEED_VERSION });
    return {};
  },
  async seedAudit(n: number) {
    const t = performance.now();
    await seedAudit(n, async (entries) => void (await repos.db.audit.bulkPut(entries)), 20_000);
    return { ms: performance.now() - t };
  },
  async lookup(samples: number) {
    const subjects = Math.floor((await repos.db.requests.count()) / 2);
    const times: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const email = subjectEmail((i * 7919) % subjects);
      const t = performance.now();
      const found = await findSubjectByEmail(repos, email);
      times.push(performance.now() - t);
      if (!found) throw new Error(`not found: ${email}`);
    }
    return { p50: pct(times, 50), p95: pct(times, 95) };
  },
  async badge(samples: number, cap = 100) {
    const times: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const t = performance.now();
      // As the background does: count up to 100 ("99+"), or everything when cap is 0.
      await countDueBefore(repos, '2026-11-29T12:00:00.000Z', cap === 0 ? Infinity : cap);
      times.push(performance.now() - t);
    }
    return { p50: pct(times, 50), p95: pct(times, 95) };
  },
  async queueFirstPage(samples: number, withTotal = 0) {
    const times: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const t = performance.now();
      await queryQueue(repos, { status: 'open', limit: 50, withTotal: withTotal === 1 });
      times.push(performance.now() - t);
    }
    return { p50: pct(times, 50), p95: pct(times, 95) };
  },
  /** The same DPA as bench/documents.ts, rendered in Chromium on the extension's origin. */
  async renderDpa(runs: number) {
    const fonts = await loadExtensionFonts();
    const input = bigDpaInput();
    let last = await renderDocument({ kind: 'dpa', language: 'de', input, fonts });
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      last = await renderDocument({ kind: 'dpa', language: 'de', input, fonts });
      times.push(performance.now() - t);
    }
    return { median: pct(times, 50), pages: last.pages, bytes: last.bytes.length, sha: last.outputSha256 };
  },
  async verify() {
    const t = performance.now();
    const result = await verifyAudit(repos.db);
    return { ms: performance.now() - t, ok: result.ok, entries: result.entries };
  },
};

(globalThis as unknown as { pdBench: typeof pdBench }).pdBench = pdBench;
document.body.dataset.ready = '1';
