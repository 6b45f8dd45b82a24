// Synthetic data for the benchmarks: subjects with requests, and a long audit chain.
import type { AuditEntry, DataSubject, SubjectRequest } from '../lib/model';
import { chainEntries } from '../lib/audit/chain';

const TYPES = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdraw-consent'] as const;
const STATUSES = ['received', 'identity-verification', 'in-progress', 'extended', 'completed', 'rejected', 'withdrawn'] as const;
const NAMES = ['Jan de Vries', 'Sabine Müller', 'Giulia Rossi', 'Emma Clarke', 'Luca Bianchi', 'Anneke Jansen', 'Jürgen Weiß', 'Chiara Esposito'];

/** Bump when seedRequests changes: the cached benchmark database is rebuilt. */
export const SEED_VERSION = 2;

export function subjectEmail(i: number): string {
  return `subject${i}@example.org`;
}

/** `count` requests over `count / 2` subjects, deterministic. */
export function seedRequests(count: number, now = Date.parse('2026-11-22T12:00:00Z')): { subjects: DataSubject[]; requests: SubjectRequest[] } {
  const subjects: DataSubject[] = [];
  const requests: SubjectRequest[] = [];
  const subjectCount = Math.max(1, Math.floor(count / 2));
  const at = new Date(now).toISOString();
  for (let i = 0; i < subjectCount; i += 1)
    subjects.push({ id: `s${i}`, createdAt: at, updatedAt: at, emails: [subjectEmail(i)], names: [`${NAMES[i % NAMES.length]} ${i}`], helpdeskContacts: [] });
  for (let i = 0; i < count; i += 1) {
    const received = new Date(now - (i % 120) * 86_400_000 - (i % 1440) * 60_000);
    const due = new Date(received.getTime() + 30 * 86_400_000).toISOString();
    // Type and status vary independently (i and i / 7), so every type has open and closed requests.
    const status = STATUSES[Math.floor(i / TYPES.length) % STATUSES.length]!;
    const open = ['received', 'identity-verification', 'in-progress', 'extended'].includes(status) ? 1 : 0;
    requests.push({
      id: `r${i}`,
      createdAt: at,
      updatedAt: at,
      subjectId: `s${i % subjectCount}`,
      type: TYPES[i % TYPES.length]!,
      status,
      receivedAt: received.toISOString(),
      dueAt: due,
      effectiveDueAt: due,
      open: open as 0 | 1,
      transitions: [{ to: 'received', at: received.toISOString(), actor: 'bench' }],
      checklist: [],
      notes: '',
      ticketKey: `demo:${100000 + i}`,
      source: { helpdesk: 'demo', ticketId: String(100000 + i), url: `http://localhost/tickets/${100000 + i}` },
    });
  }
  return { subjects, requests };
}

/** A valid audit chain of `count` entries, built in batches. */
export async function seedAudit(count: number, onBatch: (entries: AuditEntry[]) => Promise<void>, batch = 10_000): Promise<void> {
  let head: AuditEntry | undefined;
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    const drafts = Array.from({ length: n }, (_, k) => ({
      at: new Date(Date.parse('2025-01-01T00:00:00Z') + (done + k) * 1000).toISOString(),
      actor: 'bench',
      action: 'create' as const,
      table: 'requests',
      recordId: `r${done + k}`,
      detail: '',
    }));
    const entries = await chainEntries(head, drafts);
    await onBatch(entries);
    head = entries[entries.length - 1];
  }
}
