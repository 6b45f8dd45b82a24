import { describe, expect, it } from 'vitest';
import { consentHistory, listPurposes, recordConsent, recordConsentFromTicket, savePurpose, setConsentText, withdrawConsent } from '../../lib/db/consent';
import { saveActivity } from '../../lib/db/register';
import { flagTicket } from '../../lib/db/requests';
import { ConflictError } from '../../lib/db/errors';
import { sha256Hex } from '../../lib/audit/sha256';
import { verifyAudit } from '../../lib/audit/verify';
import { consentState } from '../../lib/register/consent-state';
import { freshRepos, plainDeadline, sampleTicket } from './helpers';

async function newsletter(repos: ReturnType<typeof freshRepos>['repos'], activityId?: string) {
  const purpose = await savePurpose(repos, 'dpo', { key: 'newsletter', name: 'Newsletter', ...(activityId ? { activityId } : {}) });
  await setConsentText(repos, 'dpo', { purposeId: purpose.id, language: 'en', text: 'I would like to receive the monthly newsletter.' });
  await setConsentText(repos, 'dpo', { purposeId: purpose.id, language: 'nl', text: 'Ik ontvang graag de maandelijkse nieuwsbrief.' });
  return purpose;
}

describe('consent texts', () => {
  it('makes a new version for a changed text, none for the same text, each with its SHA-256', async () => {
    const { repos } = freshRepos();
    const purpose = await savePurpose(repos, 'dpo', { key: 'newsletter', name: 'Newsletter' });
    const v1 = await setConsentText(repos, 'dpo', { purposeId: purpose.id, language: 'de', text: 'Ich möchte den Newsletter erhalten.' });
    expect(v1).toMatchObject({ created: true, text: { version: 1, language: 'de', sha256: await sha256Hex('Ich möchte den Newsletter erhalten.') } });

    const same = await setConsentText(repos, 'dpo', { purposeId: purpose.id, language: 'de', text: '  Ich möchte den Newsletter erhalten.\n' });
    expect(same).toEqual({ created: false, text: v1.text });
    // The same words composed differently (o + combining diaeresis) are the same text.
    const decomposed = await setConsentText(repos, 'dpo', { purposeId: purpose.id, language: 'de', text: 'Ich mo\u0308chte den Newsletter erhalten.' });
    expect(decomposed.created).toBe(false);

    const v2 = await setConsentText(repos, 'dpo', { purposeId: purpose.id, language: 'de', text: 'Ich möchte den Newsletter wöchentlich erhalten.' });
    expect(v2).toMatchObject({ created: true, text: { version: 2 } });
    const other = await setConsentText(repos, 'dpo', { purposeId: purpose.id, language: 'it', text: 'Desidero ricevere la newsletter.' });
    expect(other.text.version).toBe(1);

    const { texts } = await listPurposes(repos);
    expect(texts.map((t) => `${t.language} v${t.version}`)).toEqual(['de v1', 'de v2', 'it v1']);
    // The old version is untouched: earlier consents keep pointing at the words they were given for.
    expect(await repos.consentTexts.require(v1.text.id)).toEqual(v1.text);
  });

  it('refuses a second purpose with the same key', async () => {
    const { repos } = freshRepos();
    await savePurpose(repos, 'dpo', { key: 'newsletter', name: 'Newsletter' });
    await expect(savePurpose(repos, 'dpo', { key: 'newsletter', name: 'Other' })).rejects.toBeInstanceOf(ConflictError);
    await expect(savePurpose(repos, 'dpo', { key: 'Not A Key', name: 'Other' })).rejects.toThrow(/lower-case/);
  });
});

describe('consent records', () => {
  it('records consent from a ticket: subject by e-mail, text in the ticket language, evidence, and a consent-captured event', async () => {
    const { repos } = freshRepos();
    const activity = await saveActivity(repos, 'dpo', { name: 'Newsletter mailing', role: 'controller' });
    const purpose = await newsletter(repos, activity.id);
    const { subject } = await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'access' }, plainDeadline);

    const record = await recordConsentFromTicket(repos, 'agent', {
      ticket: { ...sampleTicket, ticketId: '2001', requesterEmail: 'JAN@example.nl', language: 'nl' },
      purposeId: purpose.id,
      quote: 'Ja, stuur me de nieuwsbrief maar.',
      channel: 'ticket',
    });
    expect(record).toMatchObject({
      subjectId: subject.id,
      action: 'give',
      language: 'nl',
      channel: 'ticket',
      recordedBy: 'agent',
      textSha256: await sha256Hex('Ik ontvang graag de maandelijkse nieuwsbrief.'),
      evidence: { ticketUrl: sampleTicket.ticketUrl, quote: 'Ja, stuur me de nieuwsbrief maar.' },
    });
    const [event] = await repos.db.events.toArray();
    expect(event).toMatchObject({ type: 'consent-captured', activityId: activity.id, subjectId: subject.id, ticket: { ticketId: '2001' }, actor: 'agent' });
    expect(await repos.db.subjects.count()).toBe(1);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
  });

  it('creates the person in the same commit when the e-mail is new, and needs an e-mail', async () => {
    const { repos } = freshRepos();
    const purpose = await newsletter(repos);
    const { requesterEmail: _none, ...noEmail } = sampleTicket;
    await expect(recordConsentFromTicket(repos, 'agent', { ticket: noEmail, purposeId: purpose.id, quote: '', channel: 'ticket' })).rejects.toThrow('e-mail');
    const record = await recordConsentFromTicket(repos, 'agent', { ticket: noEmail, purposeId: purpose.id, quote: 'yes', channel: 'email', email: 'new@example.org' });
    const subject = await repos.subjects.require(record.subjectId);
    expect(subject).toMatchObject({ emails: ['new@example.org'], names: ['Jan de Vries'] });
    expect(record.language).toBe('en'); // no language known: English text
    const audit = (await repos.db.audit.toArray()).slice(-2);
    expect(audit.map((e) => e.table)).toEqual(['subjects', 'consents']);
    expect(audit[0]!.at).toBe(audit[1]!.at);
  });

  it('refuses consent for a purpose without a text', async () => {
    const { repos } = freshRepos();
    const purpose = await savePurpose(repos, 'dpo', { key: 'surveys', name: 'Surveys' });
    await expect(recordConsent(repos, 'dpo', { email: 'a@example.org', purposeId: purpose.id, channel: 'phone', evidence: {} })).rejects.toThrow('no consent text yet');
    expect(await repos.db.subjects.count()).toBe(0);
  });

  it('goes give → withdraw → give again without editing any record; the state follows the history', async () => {
    const { repos, setNow } = freshRepos();
    const purpose = await newsletter(repos);
    const first = await recordConsent(repos, 'dpo', { email: 'emma@example.co.uk', purposeId: purpose.id, channel: 'web-form', evidence: { quote: 'ticked the box' } });
    setNow('2026-04-01T09:00:00.000Z');
    const withdrawn = await withdrawConsent(repos, 'dpo', { subjectId: first.subjectId, purposeId: purpose.id, channel: 'email', evidence: { quote: 'please stop' } });
    expect(withdrawn).toMatchObject({ action: 'withdraw', withdraws: first.id, language: first.language });
    await expect(withdrawConsent(repos, 'dpo', { subjectId: first.subjectId, purposeId: purpose.id, channel: 'email', evidence: {} })).rejects.toThrow('no consent');
    setNow('2026-05-01T09:00:00.000Z');
    const again = await recordConsent(repos, 'dpo', { email: 'emma@example.co.uk', purposeId: purpose.id, channel: 'phone', evidence: {} });

    const { records, texts } = await consentHistory(repos, first.subjectId);
    expect(records.map((r) => r.action)).toEqual(['give', 'withdraw', 'give']);
    expect(await repos.consents.require(first.id)).toEqual(first);
    expect(texts.map((t) => t.id)).toEqual([first.textVersionId]);
    expect(consentState(records, purpose.id)).toMatchObject({ state: 'given', decidedBy: { id: again.id } });
    expect(consentState(records, purpose.id, '2026-04-15T00:00:00.000Z')).toMatchObject({ state: 'withdrawn', decidedBy: { id: withdrawn.id } });
    expect((await repos.db.audit.toArray()).filter((e) => e.table === 'consents').map((e) => e.action)).toEqual(['create', 'create', 'create']);
  });
});
