// verify(): walks the stored audit log in sequence order, in pages, and reports the first broken link.
import type { AuditEntry } from '../model/audit';
import type { PrivacyDeskDb } from '../db/schema';
import { verifyChain, type VerifyResult } from './chain';

const PAGE = 5_000;

async function* pages(db: PrivacyDeskDb): AsyncIterable<AuditEntry[]> {
  let after = 0;
  for (;;) {
    const batch = await db.audit.where('seq').above(after).limit(PAGE).toArray();
    yield batch;
    if (batch.length < PAGE) return;
    after = batch[batch.length - 1]!.seq;
  }
}

export function verifyAudit(db: PrivacyDeskDb): Promise<VerifyResult> {
  return verifyChain(pages(db));
}
