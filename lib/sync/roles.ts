// What each role may change (lib/sync/README.md). The same function guards the sender's own writes and
// every receiving replica, so a device that skips its UI's limits gains nothing: its change is refused
// wherever it arrives.
import type { ChangeOp, TeamRole } from './change';

const AGENT_TABLES = new Set(['subjects', 'requests', 'consents', 'consentPurposes', 'consentTexts', 'events', 'breaches']);
const LEGAL_TABLES = new Set(['organisation', 'subprocessors', 'documents']);

/** Why `role` may not make this change, or undefined when it may. `before` is the record it replaces. */
export function refusal(role: TeamRole, op: ChangeOp, before: unknown): string | undefined {
  if (role === 'dpo') return undefined;
  const what = `${op.action} of ${op.table}`;
  if (role === 'legal') return LEGAL_TABLES.has(op.table) && op.action !== 'purge' ? undefined : `a legal member may not make a ${what}`;
  // An agent flags requests, records consent and logs events: creates, and edits that leave a request's
  // status as it was. Completing, rejecting, extending, erasing and the register are the DPO's.
  if (!AGENT_TABLES.has(op.table)) return `an agent may not make a ${what}`;
  if (op.kind === 'delete' || op.action === 'delete' || op.action === 'purge' || op.action === 'restore') return `an agent may not make a ${what}`;
  // An agent reports a possible breach from a ticket (a draft); assessing, deciding and notifying are
  // the DPO's.
  if (op.table === 'breaches') return op.action === 'create' ? undefined : `an agent may only report a breach, not make a ${what}`;
  // Erasing a subject destroys its keys on every replica (crypto-shredding): the DPO's decision.
  if (op.table === 'subjects' && (op.record as { erasedAt?: string } | undefined)?.erasedAt && !(before as { erasedAt?: string } | undefined)?.erasedAt)
    return `an agent may not erase a data subject`;
  if (op.table === 'requests') {
    const record = op.record as { status?: string } | undefined;
    const previous = before as { status?: string } | undefined;
    if (!previous) return record?.status === 'received' ? undefined : `an agent may only file a request as received`;
    if (record?.status !== previous.status) return `an agent may not move a request to "${record?.status}"`;
  }
  return undefined;
}
