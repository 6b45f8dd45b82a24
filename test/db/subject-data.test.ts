import { describe, expect, it } from 'vitest';
import { collectSubjectData, eraseSubject, exportSubjectData } from '../../lib/db/subject-data';
import { flagTicket } from '../../lib/db/requests';
import { SubjectExport } from '../../lib/model';
import { verifyAudit } from '../../lib/audit/verify';
import { freshRepos, plainDeadline, sampleTicket } from './helpers';

async function twoSubjects() {
  const { repos } = freshRepos();
  const activity = await repos.activities.create('dpo', { name: 'Customer support', role: 'controller', purposes: ['support'] });
  const other = await repos.activities.create('dpo', { name: 'Payroll', role: 'controller' });
  const purpose = await repos.consentPurposes.create('dpo', { key: 'newsletter', name: 'Newsletter', activityId: activity.id });
  const text = await repos.consentTexts.create('dpo', { purposeId: purpose.id, version: 1, language: 'nl', text: 'Ja, stuur mij de nieuwsbrief.', sha256: 'a'.repeat(64) });
  const jan = await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'access' }, plainDeadline);
  const eva = await flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: '9', requesterEmail: 'eva@example.de', requesterName: 'Eva Weiß' }, type: 'erasure' }, plainDeadline);
  const consentBase = { purposeId: purpose.id, language: 'nl' as const, channel: 'ticket' as const, at: '2026-03-02T09:00:00.000Z', recordedBy: 'agent' };
  await repos.consents.create('agent', { ...consentBase, subjectId: jan.subject.id, action: 'give', textVersionId: text.id, textSha256: text.sha256, evidence: { quote: 'ja graag' } });
  await repos.consents.create('agent', { ...consentBase, subjectId: eva.subject.id, action: 'give', textVersionId: text.id, textSha256: text.sha256, evidence: { quote: 'gerne' } });
  await repos.events.create('agent', { type: 'viewed', activityId: activity.id, subjectId: jan.subject.id, actor: 'agent', at: '2026-03-02T09:00:00.000Z', description: 'looked up order' });
  await repos.events.create('agent', { type: 'shared', activityId: other.id, subjectId: eva.subject.id, actor: 'agent', at: '2026-03-02T09:00:00.000Z', description: 'sent to payroll' });
  return { repos, jan, eva, activity, other };
}

describe('export package', () => {
  it('contains every stored record of the subject and nothing of others, and validates against its schema', async () => {
    const { repos, jan, eva, activity } = await twoSubjects();
    const data = await exportSubjectData(repos, 'dpo', jan.subject.id);
    const roundTripped = SubjectExport.parse(JSON.parse(JSON.stringify(data)));
    expect(roundTripped.subject.emails).toEqual(['jan@example.nl']);
    expect(roundTripped.requests.map((r) => r.id)).toEqual([jan.request.id]);
    expect(roundTripped.consents).toHaveLength(1);
    expect(roundTripped.consentTexts.map((t) => t.text)).toEqual(['Ja, stuur mij de nieuwsbrief.']);
    expect(roundTripped.events.map((e) => e.description)).toEqual(['looked up order']);
    expect(roundTripped.activities.map((a) => a.id)).toEqual([activity.id]);
    const serialised = JSON.stringify(roundTripped);
    for (const foreign of [eva.subject.id, eva.request.id, 'eva@example.de', 'Eva Weiß', 'gerne', 'sent to payroll', 'Payroll']) expect(serialised).not.toContain(foreign);
    const last = await repos.db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'export', table: 'subjects', recordId: jan.subject.id });
  });
});

describe('erasure in the extension', () => {
  it('replaces identifiers by keyed hashes, purges consents and events, keeps the request and its dates', async () => {
    const { repos, jan, eva } = await twoSubjects();
    await eraseSubject(repos, 'dpo', jan.subject.id, 'install-secret');
    const data = await collectSubjectData(repos, jan.subject.id);
    const serialised = JSON.stringify(data);
    for (const personal of ['jan@example.nl', 'Jan de Vries', 'ja graag', 'looked up order', 'Verzoek om inzage']) expect(serialised).not.toContain(personal);
    expect(data.subject.erasedAt).toBeDefined();
    expect(data.subject.names[0]).toMatch(/^erased:[0-9a-f]{32}$/);
    expect(data.requests).toHaveLength(1);
    expect(data.requests[0]).toMatchObject({ id: jan.request.id, receivedAt: jan.request.receivedAt, type: 'access' });
    expect(data.consents).toEqual([]);
    expect(data.events).toEqual([]);
    // The other subject is untouched.
    expect((await collectSubjectData(repos, eva.subject.id)).consents).toHaveLength(1);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
  });
});
