// How a pulled change to a record meets the replica's own copy. Every replica applies the team's
// changes in the server's one order, so "the later change wins" gives every replica the same record.
// A request's lifecycle is the exception: two members moving the same request from the same state
// must not silently lose one move. The earlier move (in team order) stands; the later one stays in the
// history as a conflict, shown with the request, on every replica alike.
import type { SubjectRequest, Transition } from '../model/request';

const key = (t: Transition) => `${t.at}|${t.to}|${t.from ?? ''}|${t.actor}`;
const moves = (ts: readonly Transition[]) => ts.filter((t) => !t.conflict);

function covers(longer: readonly Transition[], shorter: readonly Transition[]): boolean {
  const have = new Set(longer.map(key));
  return shorter.every((t) => have.has(key(t)));
}

const byTime = (a: Transition, b: Transition) => (a.at < b.at ? -1 : a.at > b.at ? 1 : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * The record a replica keeps when `incoming` (team order `incomingOrder`) meets `local` (team order
 * `localOrder`; Infinity while the local change still waits to be sent).
 */
export function mergeRequest(local: SubjectRequest, localOrder: number, incoming: SubjectRequest, incomingOrder: number): SubjectRequest {
  const laterIsIncoming = incomingOrder > localOrder;
  const ours = moves(local.transitions);
  const theirs = moves(incoming.transitions);
  let chosen: SubjectRequest;
  const lost: Transition[] = [];
  if (covers(theirs, ours)) chosen = laterIsIncoming || theirs.length > ours.length ? incoming : local;
  else if (covers(ours, theirs)) chosen = local;
  else {
    // Concurrent moves: the earlier change is the base; the later one's own moves become conflicts.
    const [base, late] = laterIsIncoming ? [local, incoming] : [incoming, local];
    chosen = base;
    const known = new Set(moves(base.transitions).map(key));
    for (const t of moves(late.transitions))
      if (!known.has(key(t))) lost.push({ ...t, conflict: `not applied: the request had already become "${base.status}" when this arrived` });
  }
  const kept = moves(chosen.transitions);
  const seen = new Set(kept.map(key));
  const conflicts: Transition[] = [];
  for (const t of [...local.transitions, ...incoming.transitions, ...lost])
    if (t.conflict && !seen.has(key(t))) {
      seen.add(key(t));
      conflicts.push(t);
    }
  if (conflicts.length === 0 && kept.length === chosen.transitions.length) return chosen;
  return { ...chosen, transitions: [...kept, ...conflicts].sort(byTime) };
}
