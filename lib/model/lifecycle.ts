// Which request status may follow which: received → identity verification → in progress →
// (extended) → completed | rejected | withdrawn. Pure; the background enforces it on every transition.
import type { RequestStatus } from './request';

export const ALLOWED_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  received: ['identity-verification', 'in-progress', 'rejected', 'withdrawn'],
  'identity-verification': ['in-progress', 'rejected', 'withdrawn'],
  'in-progress': ['extended', 'completed', 'rejected', 'withdrawn'],
  extended: ['completed', 'rejected', 'withdrawn'],
  completed: [],
  rejected: [],
  withdrawn: [],
};

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Closing statuses that need a stated reason or ground. */
export const NEEDS_REASON: readonly RequestStatus[] = ['extended', 'rejected', 'withdrawn'];
