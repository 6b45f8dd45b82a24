// The breach record's schema and lifecycle.
import { describe, expect, it } from 'vitest';
import { Breach, canTransitionBreach, BREACH_STATUSES } from '../../lib/model';

const base = {
  id: 'b1',
  createdAt: '2026-06-10T08:00:00.000Z',
  updatedAt: '2026-06-10T08:00:00.000Z',
  title: 'Laptop stolen from car',
  awareAt: '2026-06-10T08:00:00.000Z',
  dueAt: '2026-06-13T08:00:00.000Z',
  open: 1,
  status: 'reported',
  transitions: [{ to: 'reported', at: '2026-06-10T08:00:00.000Z', actor: 'DPO' }],
};

describe('Breach', () => {
  it('fills defaults: unknown occurrence, pending communication, empty lists', () => {
    const b = Breach.parse(base);
    expect(b.occurred).toEqual({ unknown: true });
    expect(b.communication).toEqual({ status: 'pending' });
    expect(b.affected.activityIds).toEqual([]);
    expect(b.kind).toBe('other');
  });

  it('keeps a decision not to notify only with reasons (Art. 33(5))', () => {
    const bad = Breach.safeParse({ ...base, decision: { notifyAuthority: false, reasons: ' ', by: 'DPO', at: base.awareAt } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('Art. 33(5)');
  });

  it('an Art. 34(3) ground must be a, b or c', () => {
    expect(Breach.safeParse({ ...base, communication: { status: 'not-needed', ground: 'a' } }).success).toBe(true);
    expect(Breach.safeParse({ ...base, communication: { status: 'not-needed', ground: 'd' } }).success).toBe(false);
    expect(Breach.safeParse({ ...base, communication: { status: 'done', how: 'e-mail' } }).success).toBe(false);
  });

  it('refuses unknown natures and kinds, and a record without transitions', () => {
    expect(Breach.safeParse({ ...base, natures: ['secrecy'] }).success).toBe(false);
    expect(Breach.safeParse({ ...base, kind: 'meteor' }).success).toBe(false);
    expect(Breach.safeParse({ ...base, transitions: [] }).success).toBe(false);
  });

  it('lifecycle: decided and closed breaches do not reopen; dismissed is final', () => {
    expect(canTransitionBreach('reported', 'notified')).toBe(true);
    expect(canTransitionBreach('not-notified', 'notified')).toBe(true);
    expect(canTransitionBreach('notified', 'reported')).toBe(false);
    for (const s of BREACH_STATUSES) expect(canTransitionBreach('dismissed', s)).toBe(false);
  });
});
