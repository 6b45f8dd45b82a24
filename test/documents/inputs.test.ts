// Document inputs: shared schemas, their field paths in errors, and the checks each kind adds.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../lib/model/errors';
import { ActivityEntry, parseDocumentInput, Party, SubprocessorEntry } from '../../lib/documents/inputs/common';
import { dateWithArticle as withArticle, formatArticle } from '../../lib/documents/inputs/common-view';
import type { UiLanguage } from '../../lib/model/common';
import { DsarResponseInput } from '../../lib/documents/inputs/dsar-response';
import { SubprocessorNoticeInput } from '../../lib/documents/inputs/subprocessors';
import { DSAR_SAMPLES } from '../../lib/documents/kinds/dsar-response';
import { subprocessorNoticeKind } from '../../lib/documents/kinds/subprocessor-notice';
import { subprocessorsKind } from '../../lib/documents/kinds/subprocessors';

function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('shared input schemas', () => {
  const party = subprocessorsKind.sample().organisation;

  it('accepts a party and names every bad field by its path', () => {
    expect(Party.parse(party)).toEqual(party);
    const bad = { ...party, email: 'not-an-address', address: { ...party.address, city: '' }, representative: { name: 'X' } };
    const error = validationError(() => parseDocumentInput(Party, bad, 'party'));
    expect(error.fields.sort()).toEqual(['address.city', 'email', 'representative.title']);
    expect(error.message).toContain('address.city: must not be empty');
    expect(error.message).toContain('email: must be an e-mail address');
  });

  it('reuses lib/model shapes without stored-record bookkeeping', () => {
    expect(Object.keys(SubprocessorEntry.shape)).not.toContain('createdAt');
    expect(Object.keys(ActivityEntry.shape)).not.toContain('updatedAt');
    expect(SubprocessorEntry.shape.id.safeParse(undefined).success).toBe(true);
    const sub = subprocessorsKind.sample().list.subprocessors[0]!;
    const error = validationError(() => parseDocumentInput(SubprocessorEntry, { ...sub, locations: ['Germany'] }));
    expect(error.fields).toEqual(['locations.0']);
  });
});

describe('kind inputs', () => {
  it('names nested paths in a list input', () => {
    const input = subprocessorsKind.sample();
    (input.list.subprocessors[1] as { transferMechanism: string }).transferMechanism = 'trust-us';
    const error = validationError(() => parseDocumentInput(subprocessorsKind.input, input));
    expect(error.fields).toEqual(['list.subprocessors.1.transferMechanism']);
  });

  it('checks the notice: effective date and version order', () => {
    const input = subprocessorNoticeKind.sample();
    const bad = { ...input, effectiveDate: '2026-01-01', current: { ...input.current, date: '2020-01-01' }, objectionPeriodDays: 0 };
    const result = SubprocessorNoticeInput.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['current.date', 'effectiveDate', 'objectionPeriodDays']);
  });

  it('checks a DSAR letter variant by variant', () => {
    const access = DSAR_SAMPLES.access();
    expect(validationError(() => parseDocumentInput(DsarResponseInput, { ...access, enclosures: [] })).fields).toEqual(['enclosures']);
    expect(validationError(() => parseDocumentInput(DsarResponseInput, { ...access, variant: 'refusal' })).fields).toEqual(['variant']);
    const typeMismatch = { ...access, request: { ...access.request, type: 'erasure' } };
    expect(validationError(() => parseDocumentInput(DsarResponseInput, typeMismatch)).fields).toEqual(['request.type']);
    const { address: _a, email: _e, ...nameOnly } = access.recipient;
    expect(validationError(() => parseDocumentInput(DsarResponseInput, { ...access, recipient: nameOnly })).fields).toEqual(['recipient.address']);
  });

  it('keeps an extension within Art. 12(3): notified in time, at most two further months', () => {
    const extension = DSAR_SAMPLES.extension();
    expect(() => parseDocumentInput(DsarResponseInput, extension)).not.toThrow();
    const tooLong = validationError(() => parseDocumentInput(DsarResponseInput, { ...extension, newDeadline: '2026-06-30' }));
    expect(tooLong.fields).toEqual(['newDeadline']);
    expect(tooLong.message).toMatch(/two further months/);
    const tooLate = validationError(() => parseDocumentInput(DsarResponseInput, { ...extension, date: '2026-03-20' }));
    expect(tooLate.fields).toEqual(['date']);
    const backwards = validationError(() => parseDocumentInput(DsarResponseInput, { ...extension, newDeadline: '2026-03-01' }));
    expect(backwards.fields).toEqual(['newDeadline']);
  });

  it('has a valid sample for every DSAR variant', () => {
    for (const [variant, make] of Object.entries(DSAR_SAMPLES)) expect(make().variant).toBe(variant);
  });
});

describe('citations and dates in the document language', () => {
  it('cites articles the way each language does', () => {
    expect(formatArticle('Art. 17(3)(b)', 'en')).toBe('Art. 17(3)(b) GDPR');
    expect(formatArticle('Art. 17(3)(b)', 'nl')).toBe('art. 17 lid 3 sub b AVG');
    expect(formatArticle('Art. 17(3)(b)', 'de')).toBe('Art. 17 Abs. 3 lit. b DSGVO');
    expect(formatArticle('Art. 17(3)(b)', 'it')).toBe('art. 17, par. 3, lett. b), GDPR');
    expect(formatArticle('Art. 15', 'it')).toBe('art. 15 GDPR');
    expect(formatArticle('Art. 7(3)', 'de')).toBe('Art. 7 Abs. 3 DSGVO');
    expect(formatArticle('Art. 6(1)(f) GDPR', 'nl')).toBe('art. 6 lid 1 sub f AVG');
    expect(formatArticle('§ 35 BDSG', 'de')).toBe('§ 35 BDSG');
  });

  it('puts the Italian article before a date', () => {
    // Day, month and year are joined by no-break spaces (format.ts); the article by an ordinary one.
    const dateWithArticle = (iso: string, lang: UiLanguage) => withArticle(iso, lang).replace(/\u00A0/g, ' ');
    expect(withArticle('2026-03-15', 'it')).toBe('il 15\u00A0marzo\u00A02026');
    expect(dateWithArticle('2026-03-15', 'it')).toBe('il 15 marzo 2026');
    expect(dateWithArticle('2026-03-08', 'it')).toBe('l’8 marzo 2026');
    expect(dateWithArticle('2026-03-11', 'it')).toBe('l’11 marzo 2026');
    expect(dateWithArticle('2026-03-01', 'it')).toBe('il 1º marzo 2026');
    expect(dateWithArticle('2026-03-08', 'de')).toBe('8. März 2026');
  });
});

describe('shared vocabulary', () => {
  it('has one list of EEA states, used by the DPA input and the register check', async () => {
    const { EEA_COUNTRIES } = await import('../../lib/model/eea');
    expect((await import('../../lib/documents/inputs/dpa')).EEA_COUNTRIES).toBe(EEA_COUNTRIES);
    expect((await import('../../lib/register/completeness')).EEA_COUNTRIES).toBe(EEA_COUNTRIES);
    expect(EEA_COUNTRIES.size).toBe(30);
  });

  it('words a lawful basis once: the DPA annex prints the register label with its article', async () => {
    const { LEGAL_BASIS_LABEL, legalBasisLabel } = await import('../../lib/documents/inputs/common-view');
    expect((await import('../../lib/documents/kinds/dpa')).legalBasisLabel).toBe(legalBasisLabel);
    expect(legalBasisLabel('contract', 'en')).toBe('Performance of a contract (Art. 6(1)(b) GDPR)');
    expect(legalBasisLabel('contract', 'nl')).toBe('Uitvoering van een overeenkomst (art. 6 lid 1 sub b AVG)');
    expect(legalBasisLabel('legitimate-interests', 'de')).toBe(`Berechtigte Interessen (Art. 6 Abs. 1 lit. f DSGVO)`);
    expect(LEGAL_BASIS_LABEL.it.consent).toBe('consenso');
  });
});
