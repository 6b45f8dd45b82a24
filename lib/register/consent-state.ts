// The current state of a subject's consent for a purpose, derived from the history of give and withdraw
// records (never stored, so it can never disagree with the history). Pure.
//
// Art. 7(3): a withdrawal ends the consent for the purpose from its moment on, whichever give it points
// at; a later give starts a new consent. So the latest record at or before the moment asked about decides.
import type { ConsentRecord } from '../model/consent';

export interface ConsentState {
  purposeId: string;
  state: 'given' | 'withdrawn' | 'none';
  /** The record that decides the state: the give that proves consent, or the withdrawal that ended it. */
  decidedBy?: ConsentRecord;
}

/** Chronological: by the moment consent was given or withdrawn, then by when it was recorded. */
export function byTime(a: ConsentRecord, b: ConsentRecord): number {
  return a.at.localeCompare(b.at) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** The state for one purpose at `at` (ISO instant; default: every record counts). */
export function consentState(records: readonly ConsentRecord[], purposeId: string, at?: string): ConsentState {
  const relevant = records.filter((r) => r.purposeId === purposeId && !r.deletedAt && (at === undefined || r.at <= at)).sort(byTime);
  const last = relevant.at(-1);
  if (!last) return { purposeId, state: 'none' };
  return { purposeId, state: last.action === 'give' ? 'given' : 'withdrawn', decidedBy: last };
}
