// The breach register through the audited Store: reporting from a ticket, editing, the decision, the
// authority's phases, the lifecycle, soft delete, and the running-clock count the badge uses.
import { describe, expect, it } from 'vitest';
import { breachWarnings, countRunningClocks, decideBreach, editBreach, listBreaches, nextBreachWarningAt, recordPhase, reportBreach, transitionBreach } from '../../lib/db/breaches';
import { verifyAudit } from '../../lib/audit/verify';
import { freshRepos, sampleTicket } from './helpers';

describe('breach register', () => {
  it('reports a breach from a ticket with the clock at awareness + 72 h, once per ticket', async () => {
    const { repos } = freshRepos('2026-06-10T08:00:00.000Z');
    const { breach, created } = await reportBreach(repos, 'Agent Anna', { ticket: sampleTicket });
    expect(created).toBe(true);
    expect(breach).toMatchObject({ status: 'reported', open: 1, awareAt: '2026-06-10T08:00:00.000Z', dueAt: '2026-06-13T08:00:00.000Z', ticketKey: 'demo:1042' });
    expect(breach.awareness.reporter).toBe('agent');
    expect(breach.source?.url).toBe(sampleTicket.ticketUrl);
    const again = await reportBreach(repos, 'Agent Anna', { ticket: sampleTicket });
    expect(again).toMatchObject({ created: false, breach: { id: breach.id } });
    expect(await countRunningClocks(repos)).toBe(1);
    const audit = await repos.db.audit.toArray();
    expect(audit.map((a) => [a.table, a.action])).toEqual([['breaches', 'create']]);
  });

  it('a new awareness time moves the deadline; links must point at live records', async () => {
    const { repos } = freshRepos('2026-06-10T08:00:00.000Z');
    const { breach } = await reportBreach(repos, 'DPO', { title: 'Lost laptop' });
    const edited = await editBreach(repos, 'DPO', breach.id, { awareAt: '2026-06-09T20:00:00.000Z', natures: ['confidentiality'], kind: 'lost-or-stolen' });
    expect(edited.dueAt).toBe('2026-06-12T20:00:00.000Z');
    await expect(editBreach(repos, 'DPO', breach.id, { affected: { activityIds: ['nope'] } })).rejects.toThrow(/no longer exist/);
    await expect(editBreach(repos, 'DPO', breach.id, { natures: ['secrecy'] })).rejects.toThrow(/natures/);
    await expect(editBreach(repos, 'DPO', breach.id, { status: 'closed' })).resolves.toMatchObject({ status: 'reported' });
  });

  it('notifying: decision, then the initial phase stops the clock; follow-ups add up (Art. 33(4))', async () => {
    const { repos, setNow } = freshRepos('2026-06-10T08:00:00.000Z');
    const { breach } = await reportBreach(repos, 'DPO', { title: 'Ransomware on file server' });
    await expect(recordPhase(repos, 'DPO', breach.id, { phase: 'initial', at: '2026-06-11T08:00:00.000Z' })).rejects.toThrow(/decision/);
    await decideBreach(repos, 'DPO', breach.id, { notifyAuthority: true, reasons: 'Customer files encrypted, backups partly affected' });
    setNow('2026-06-11T08:00:00.000Z');
    const notified = await recordPhase(repos, 'DPO', breach.id, { phase: 'initial', at: '2026-06-11T08:00:00.000Z', reference: 'AP-2026-123', channel: 'web form' });
    expect(notified).toMatchObject({ status: 'notified', open: 0, authority: { reference: 'AP-2026-123' } });
    const follow = await recordPhase(repos, 'DPO', breach.id, { phase: 'follow-up', at: '2026-06-15T08:00:00.000Z', summary: 'Number of people now known' });
    expect(follow.authority.phases.map((p) => p.phase)).toEqual(['initial', 'follow-up']);
    expect(follow.transitions.map((t) => t.to)).toEqual(['reported', 'notified']);
    expect(await countRunningClocks(repos)).toBe(0);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
  });

  it('a late initial notification needs the reasons for the delay (Art. 33(1))', async () => {
    const { repos } = freshRepos('2026-06-10T08:00:00.000Z');
    const { breach } = await reportBreach(repos, 'DPO', {});
    await decideBreach(repos, 'DPO', breach.id, { notifyAuthority: true, reasons: 'risk to customers' });
    const late = { phase: 'initial' as const, at: '2026-06-13T09:00:00.000Z' };
    await expect(recordPhase(repos, 'DPO', breach.id, late)).rejects.toThrow(/reasons for the delay/);
    await editBreach(repos, 'DPO', breach.id, { delayReasons: 'The processor told us only on day three' });
    await expect(recordPhase(repos, 'DPO', breach.id, late)).resolves.toMatchObject({ status: 'notified' });
  });

  it('not notifying keeps the reasons and stops the clock; dismissal needs a reason', async () => {
    const { repos } = freshRepos('2026-06-10T08:00:00.000Z');
    const { breach } = await reportBreach(repos, 'DPO', {});
    await expect(decideBreach(repos, 'DPO', breach.id, { notifyAuthority: false, reasons: '  ' })).rejects.toThrow(/Art. 33\(5\)/);
    const decided = await decideBreach(repos, 'DPO', breach.id, { notifyAuthority: false, reasons: 'Encrypted device, key not compromised' });
    expect(decided).toMatchObject({ status: 'not-notified', open: 0, decision: { notifyAuthority: false, by: 'DPO' } });
    await expect(transitionBreach(repos, 'DPO', breach.id, 'reported')).rejects.toThrow(/cannot become/);
    const other = (await reportBreach(repos, 'DPO', {})).breach;
    await expect(transitionBreach(repos, 'DPO', other.id, 'dismissed')).rejects.toThrow(/needs a reason/);
    await transitionBreach(repos, 'DPO', other.id, 'dismissed', 'No personal data involved');
    expect((await listBreaches(repos)).map((b) => b.status).sort()).toEqual(['dismissed', 'not-notified']);
  });

  it('soft delete takes a breach off the running clocks; restore puts it back', async () => {
    const { repos } = freshRepos();
    const { breach } = await reportBreach(repos, 'DPO', {});
    await repos.breaches.softDelete('DPO', breach.id);
    expect(await countRunningClocks(repos)).toBe(0);
    expect(await listBreaches(repos)).toEqual([]);
    await repos.breaches.restore('DPO', breach.id);
    expect(await countRunningClocks(repos)).toBe(1);
  });
});

describe('breach warnings', () => {
  it('warn at 48, 24 and 4 hours left and when overdue, each once; the next alarm is the next crossing', async () => {
    const { repos } = freshRepos('2026-06-10T08:00:00.000Z');
    const { breach } = await reportBreach(repos, 'DPO', {});
    const at = (iso: string) => new Date(iso);
    expect(await nextBreachWarningAt(repos, at('2026-06-10T08:00:00.000Z'))).toEqual(at('2026-06-11T08:00:00.000Z'));
    expect(await breachWarnings(repos, at('2026-06-10T08:00:00.000Z'), at('2026-06-11T07:59:00.000Z'))).toEqual([]);
    expect((await breachWarnings(repos, at('2026-06-10T08:00:00.000Z'), at('2026-06-11T08:00:00.000Z'))).map((w) => w.hoursLeft)).toEqual([48]);
    expect((await breachWarnings(repos, at('2026-06-11T08:00:00.000Z'), at('2026-06-13T05:00:00.000Z'))).map((w) => w.hoursLeft)).toEqual([4]);
    expect(await nextBreachWarningAt(repos, at('2026-06-13T05:00:00.000Z'))).toEqual(at('2026-06-13T08:00:00.000Z'));
    expect((await breachWarnings(repos, at('2026-06-13T05:00:00.000Z'), at('2026-06-13T09:00:00.000Z'))).map((w) => [w.breach.id, w.hoursLeft])).toEqual([[breach.id, 0]]);
    expect(await nextBreachWarningAt(repos, at('2026-06-13T09:00:00.000Z'))).toBeUndefined();
  });
});
