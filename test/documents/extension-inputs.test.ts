// The documents page's input mapping (entrypoints/background/documents/inputs.ts): organisation
// profile + register + subprocessors + per-document fields → a valid input for every kind, labelled
// in the document language; problems named by the form field they came from.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentInput, MissingOrganisationError } from '../../entrypoints/background/documents/inputs';
import { FORM_DOCUMENT_KINDS, type FormDocumentKind } from '../../lib/model/document';
import { ValidationError } from '../../lib/model/errors';
import type { DpaInput } from '../../lib/documents/inputs/dpa';
import type { SubprocessorListInput, SubprocessorNoticeInput } from '../../lib/documents/inputs/subprocessors';
import type { RegisterInput } from '../../lib/documents/inputs/register';
import type { DsarResponseInput } from '../../lib/documents/inputs/dsar-response';
import { renderDocument } from '../../lib/documents/render';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';
import { dpaFields, organisation, sources, subprocessors } from './extension-fixtures';
import { pdfText, squash } from './document-tools';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

const FIELDS: Record<FormDocumentKind, Record<string, unknown>> = {
  dpa: dpaFields,
  subprocessors: { date: '2026-03-02' },
  'subprocessor-notice': { date: '2026-03-02', objectionPeriodDays: 30, previousDate: '2025-12-31' },
  'dsar-response': {
    date: '2026-03-02',
    variant: 'access',
    recipient: { name: 'Giulia Rossi', email: 'giulia@example.it' },
    request: { type: 'access', receivedOn: '2026-02-10' },
    enclosures: ['daten-giulia-rossi.json'],
    activityIds: ['act-support'],
  },
  register: { date: '2026-03-02' },
};

function problem(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('input mapping', () => {
  it.each(FORM_DOCUMENT_KINDS)('builds a valid %s input that renders to a PDF naming the organisation', async (kind) => {
    const { input } = buildDocumentInput(kind, 'de', sources(), FIELDS[kind]);
    const doc = await renderDocument({ kind, language: 'de', input, fonts });
    const text = squash(pdfText(doc.bytes));
    expect(text).toContain(squash(organisation.legalName));
    expect(text).toContain(squash('Seite 1 von'));
  });

  it('DPA: our organisation signs as processor with the profile representative; the counterparty is the controller', () => {
    const input = buildDocumentInput('dpa', 'de', sources(), dpaFields).input as DpaInput;
    expect(input.language).toBe('de');
    expect(input.processor).toMatchObject({
      legalName: organisation.legalName,
      address: { street: 'Leopoldstraße 112', postalCode: '80802', city: 'München' },
      country: 'DE',
      representative: { name: 'Jürgen Weiß', title: 'Geschäftsführer' },
      email: 'dsb@mueller-soehne.example',
    });
    expect(input.controller.legalName).toBe('Zoë Coördinatie B.V.');
    expect(input.place).toBe('München');
    // Annex II from the register, labelled in German (vocabulary keys and a custom entry), without duplicates.
    expect(input.processing.dataTypes).toEqual(['Name und Identifikationsdaten', 'Kontaktdaten (Anschrift, E-Mail, Telefon)', 'Korrespondenz und Support-Tickets']);
    expect(input.processing.dataSubjects).toEqual(['Kunden']);
    expect(input.processing.purpose).toBe('Kundenservice und Support; Treueprogramm');
    expect(input.processing.retention).toBe('24 Monate nach Abschluss des Tickets; 12 Monate');
    expect(input.activities.map((a) => a.purposes)).toEqual([['Kundenservice und Support', 'Treueprogramm'], ['Treueprogramm']]);
    expect(input.subprocessors.map((s) => s.id)).toEqual(['sp-citta', 'sp-mail']);
    // A controller organisation signs as controller by default; the user may say otherwise.
    const asController = buildDocumentInput('dpa', 'en', sources({ organisation: { ...organisation, role: 'controller' } }), dpaFields).input as DpaInput;
    expect(asController.controller.legalName).toBe(organisation.legalName);
    expect(asController.processing.dataSubjects).toEqual(['Customers']);
  });

  it('DPA: fields the user writes out win over what the register says', () => {
    const fields = { ...dpaFields, processing: { nature: 'x', purpose: 'Nur Support', dataTypes: ['E-Mail-Adresse'] } };
    const input = buildDocumentInput('dpa', 'de', sources(), fields).input as DpaInput;
    expect(input.processing.purpose).toBe('Nur Support');
    expect(input.processing.dataTypes).toEqual(['E-Mail-Adresse']);
  });

  it('subprocessor list: the chosen subprocessors, version defaulting to the date', () => {
    const input = buildDocumentInput('subprocessors', 'nl', sources(), { date: '2026-03-02', subprocessorIds: ['sp-mail'] }).input as SubprocessorListInput;
    expect(input.list).toMatchObject({ version: '2026-03-02', date: '2026-03-02' });
    expect(input.list.subprocessors.map((s) => s.name)).toEqual(['MailBridge']);
    expect(input.list.subprocessors[0]).not.toHaveProperty('createdAt');
  });

  it('change notice: compares with the newest published version, a chosen one, or the list as of a date', () => {
    const published = { id: 'v1', version: '2025-2', date: '2025-12-01', subprocessors: [{ ...subprocessors[0]!, purpose: 'Backups' }].map(({ createdAt: _c, updatedAt: _u, ...e }) => e), documentId: 'd1', createdAt: '2025-12-01T10:00:00.000Z' };
    const withVersion = buildDocumentInput('subprocessor-notice', 'de', sources({ listVersions: [published] }), { date: '2026-03-02', objectionPeriodDays: 30 }).input as SubprocessorNoticeInput;
    expect(withVersion.previous).toMatchObject({ version: '2025-2', date: '2025-12-01' });
    expect(withVersion.current.subprocessors).toHaveLength(2);
    expect(withVersion.noticeDate).toBe('2026-03-02');

    const byDate = buildDocumentInput('subprocessor-notice', 'de', sources(), FIELDS['subprocessor-notice']).input as SubprocessorNoticeInput;
    // MailBridge was added after the previous date: it is an addition.
    expect(byDate.previous.subprocessors.map((s) => s.name)).toEqual(['Città Cloud']);

    const none = problem(() => buildDocumentInput('subprocessor-notice', 'de', sources(), { date: '2026-03-02', objectionPeriodDays: 30 }));
    expect(none.fields).toEqual(['previousDate']);
    expect(none.message).toMatch(/previous/);
    const unknown = problem(() => buildDocumentInput('subprocessor-notice', 'de', sources(), { date: '2026-03-02', objectionPeriodDays: 30, previousVersionId: 'gone' }));
    expect(unknown.fields).toEqual(['previousVersionId']);
  });

  it('response letter: the controller from the profile, Art. 15 facts from the chosen register entries', () => {
    const input = buildDocumentInput('dsar-response', 'de', sources(), FIELDS['dsar-response']).input as Extract<DsarResponseInput, { variant: 'access' }>;
    expect(input.controller.legalName).toBe(organisation.legalName);
    expect(input.supervisoryAuthority).toEqual({ name: 'Bayerisches Landesamt für Datenschutzaufsicht', website: 'https://www.lda.bayern.de' });
    expect(input.purposes).toEqual(['Kundenservice und Support', 'Treueprogramm']);
    expect(input.recipients).toEqual(['Città Cloud S.r.l.']);
    expect(input.transfers).toEqual([{ country: 'US', recipient: 'MailBridge Inc.', safeguard: 'scc' }]);
    expect(input.signatory).toEqual({ name: 'Jürgen Weiß', title: 'Geschäftsführer' });
  });

  it('register report: all activities by default, with the custom vocabulary', () => {
    const input = buildDocumentInput('register', 'it', sources(), { date: '2026-03-02' }).input as RegisterInput;
    expect(input.activities.map((a) => a.name)).toEqual(['Kundensupport', 'Zufriedenheitsumfragen']);
    expect(input.vocabulary).toEqual([{ kind: 'purposes', key: 'x-treueprogramm', label: 'Treueprogramm' }]);
  });
});

describe('problems name what to fill in', () => {
  it.each(FORM_DOCUMENT_KINDS)('%s without an organisation profile says to fill it in first', (kind) => {
    const error = problem(() => buildDocumentInput(kind, 'de', sources({ organisation: undefined }), FIELDS[kind]));
    expect(error).toBeInstanceOf(MissingOrganisationError);
    expect(error.message).toMatch(/^Fill in the organisation profile first/);
    expect(error.message).toMatch(/legal name.*city.*country.*data protection officer/);
  });

  it('a profile without a representative needs the signatory', () => {
    const { representative: _r, ...withoutRepresentative } = organisation;
    const error = problem(() => buildDocumentInput('subprocessors', 'de', sources({ organisation: withoutRepresentative }), { date: '2026-03-02' }));
    expect(error.fields).toEqual(['signatory.name', 'signatory.title']);
    expect(error.message).toContain(organisation.legalName);
    const signed = buildDocumentInput('subprocessors', 'de', sources({ organisation: withoutRepresentative }), { date: '2026-03-02', signatory: { name: 'Anna Beck', title: 'Prokuristin' } });
    expect((signed.input as SubprocessorListInput).organisation.representative).toEqual({ name: 'Anna Beck', title: 'Prokuristin' });
  });

  it('counterparty, signatory and register problems are named as the form names them', () => {
    const fields = {
      ...dpaFields,
      counterparty: { ...dpaFields.counterparty, legalName: '', email: 'not-an-email' },
      signatory: { name: 'Jürgen Weiß', title: 'Geschäftsführer' },
    };
    const error = problem(() => buildDocumentInput('dpa', 'de', sources(), fields));
    expect(error.fields).toEqual(expect.arrayContaining(['counterparty.legalName', 'counterparty.email']));
    expect(error.message).toMatch(/counterparty\.legalName: must not be empty/);
    const profile = problem(() => buildDocumentInput('dpa', 'de', sources({ organisation: { ...organisation, legalName: ' ' } }), dpaFields));
    expect(profile.fields).toEqual(['organisation.legalName']);

    const longTitle = problem(() => buildDocumentInput('dpa', 'de', sources(), { ...dpaFields, signatory: { name: 'A', title: 'x'.repeat(600) } }));
    expect(longTitle.fields).toEqual(['signatory.title']);

    const outsideEea = subprocessors.map((s) => (s.id === 'sp-mail' ? { ...s, transferMechanism: 'none-needed' as const } : s));
    const transfer = problem(() => buildDocumentInput('dpa', 'de', sources({ subprocessors: outsideEea }), dpaFields));
    expect(transfer.fields).toContain('subprocessor "MailBridge": transferMechanism');
  });

  it('a DPA without register entries or measures says which annex needs them', () => {
    const error = problem(() => buildDocumentInput('dpa', 'de', sources(), { ...dpaFields, activityIds: [], measures: [] }));
    expect(error.message).toMatch(/activities: choose at least one processing activity for Annex II/);
    expect(error.message).toMatch(/measures: describe at least one technical or organisational measure for Annex III/);
  });

  it('a chosen activity that no longer exists is refused', () => {
    const error = problem(() => buildDocumentInput('register', 'de', sources(), { date: '2026-03-02', activityIds: ['gone'] }));
    expect(error.fields).toEqual(['activityIds']);
  });

  it('malformed fields are named too', () => {
    const error = problem(() => buildDocumentInput('register', 'de', sources(), { date: '2.3.2026' }));
    expect(error.fields).toEqual(['date']);
  });
});
