// Every schema rejects bad input with a message naming the field.
import { describe, expect, it } from 'vitest';
import {
  ConsentRecord,
  DataSubject,
  Email,
  OrganisationProfile,
  ProcessingActivity,
  SubjectRequest,
  Subprocessor,
  TicketContext,
  ValidationError,
  parseOrThrow,
  GeneratedDocument,
  AuditEntry,
  HelpdeskOrigin,
  ProcessingEvent,
} from '../../lib/model';

const meta = { id: 'x1', createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' };
const org = {
  id: 'organisation',
  legalName: 'Helpdesk Coördinatie B.V.',
  role: 'processor',
  address: { street: 'Oudegracht 1', postalCode: '3511 AA', city: 'Utrecht', country: 'NL' },
  country: 'NL',
  dpo: { name: 'Anneke Jansen', email: 'fg@example.nl' },
  supervisoryAuthority: { name: 'Autoriteit Persoonsgegevens', country: 'NL' },
  defaultLanguage: 'nl',
  timeZone: 'Europe/Amsterdam',
  updatedAt: '2026-11-22T10:00:00.000Z',
};

function fieldsOf(schema: Parameters<typeof parseOrThrow>[0], value: unknown): string[] {
  try {
    parseOrThrow(schema, value, 'thing');
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).fields;
  }
  throw new Error('expected the value to be rejected');
}

describe('schemas', () => {
  it('accept a complete organisation profile and default its lists', () => {
    const parsed = OrganisationProfile.parse(org);
    expect(parsed.closingDays).toEqual([]);
    expect(parsed.legalName).toBe('Helpdesk Coördinatie B.V.');
  });

  it('name the bad field of an organisation profile', () => {
    const bad = { ...org, dpo: { name: 'A', email: 'not-an-email' }, timeZone: 'Mars/Olympus', country: 'nl' };
    expect(fieldsOf(OrganisationProfile, bad).sort()).toEqual(['country', 'dpo.email', 'timeZone']);
    expect(() => parseOrThrow(OrganisationProfile, bad, 'organisation profile')).toThrow(/dpo\.email: must be an e-mail address/);
    expect(() => parseOrThrow(OrganisationProfile, bad, 'organisation profile')).toThrow(/timeZone: must be an IANA time zone/);
  });

  it('normalise e-mail addresses', () => {
    expect(Email.parse('  Sabine.Mueller@Example.DE ')).toBe('sabine.mueller@example.de');
  });

  it('require an e-mail or a name for a data subject', () => {
    expect(fieldsOf(DataSubject, { ...meta, emails: [], names: [] })).toEqual(['emails']);
    expect(DataSubject.parse({ ...meta, emails: ['JAN@example.nl'], names: [] }).emails).toEqual(['jan@example.nl']);
  });

  it('reject a request with an unknown type, a bad instant and no transitions', () => {
    const fields = fieldsOf(SubjectRequest, {
      ...meta,
      subjectId: 's1',
      type: 'forget-me',
      status: 'received',
      receivedAt: '22/11/2026',
      dueAt: '2026-12-22T22:59:59.999Z',
      effectiveDueAt: '2026-12-22T22:59:59.999Z',
      open: 1,
      transitions: [],
    });
    expect(fields.sort()).toEqual(['receivedAt', 'transitions', 'type']);
  });

  it('name nested fields of a processing activity and a subprocessor', () => {
    expect(fieldsOf(ProcessingActivity, { ...meta, name: 'Support', role: 'controller', legalBasis: 'because', transfers: [{ country: 'USA', recipient: 'X', safeguard: 'scc' }] }).sort()).toEqual([
      'legalBasis',
      'transfers.0.country',
    ]);
    expect(fieldsOf(Subprocessor, { ...meta, name: 'Mailer', legalEntity: 'Mailer Inc.', purpose: 'e-mail', dataCategories: [], locations: [], transferMechanism: 'scc', addedOn: '2026-13-01' }).sort()).toEqual([
      'addedOn',
      'locations',
    ]);
  });

  it('require a text version for a given consent and a target for a withdrawal', () => {
    const base = { ...meta, subjectId: 's1', purposeId: 'p1', language: 'nl', channel: 'ticket', at: meta.createdAt, evidence: { quote: 'ja' }, recordedBy: 'agent' };
    expect(fieldsOf(ConsentRecord, { ...base, action: 'give' })).toEqual(['textVersionId']);
    expect(fieldsOf(ConsentRecord, { ...base, action: 'withdraw' })).toEqual(['withdraws']);
    expect(fieldsOf(ConsentRecord, { ...base, channel: 'pigeon', action: 'withdraw', withdraws: 'c1' })).toEqual(['channel']);
  });

  it('validate page data as untrusted (ticket context)', () => {
    expect(fieldsOf(TicketContext, { helpdesk: 'myspace', ticketId: '', ticketUrl: 'javascript:alert(1)x', subject: 'x', messages: [] }).sort()).toEqual([
      'helpdesk',
      'ticketId',
      'ticketUrl',
    ]);
  });

  it('check documents, audit entries, events and helpdesk origins', () => {
    expect(fieldsOf(GeneratedDocument, { ...meta, kind: 'dpa', language: 'fr', title: 'T', templateId: 'b', templateVersion: '1', inputSha256: 'abc', outputSha256: 'f'.repeat(64), pages: 1, bytes: 10, generatedBy: 'x' }).sort()).toEqual([
      'inputSha256',
      'language',
    ]);
    expect(fieldsOf(AuditEntry, { seq: 0, at: meta.createdAt, actor: 'a', action: 'edit', table: 't', recordId: 'r', detail: '', prevHash: '0'.repeat(64), hash: '0'.repeat(64) }).sort()).toEqual(['action', 'seq']);
    expect(fieldsOf(ProcessingEvent, { ...meta, type: 'viewed', activityId: 'a', actor: 'x', at: 'yesterday' })).toEqual(['at']);
    expect(fieldsOf(HelpdeskOrigin, { ...meta, origin: 'https://support.example.com/path', kind: 'zammad', grantedAt: meta.createdAt })).toEqual(['origin']);
  });
});
