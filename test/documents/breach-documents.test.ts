// The breach documents in four languages: the notification to the authority (in the forms' order, what is
// unknown marked for a follow-up), the letter to the people affected (Art. 34(2)) and the register report,
// each read back from the PDF with pdftotext; byte-identical for the same input; the register as CSV.
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';
import { renderDocument } from '../../lib/documents/render';
import { kindSpec } from '../../lib/documents/kinds';
import { breachRegisterCsv } from '../../lib/documents/kinds/breach-register';
import type { BreachRegisterInput } from '../../lib/documents/inputs/breach';
import { pdfText, savePdfAndPng, squash } from './document-tools';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

/** Section headings of the notification, in the order the authorities' forms ask. */
const SECTIONS: Record<UiLanguage, string[]> = {
  en: ['Notifying organisation', 'What happened', 'When it happened and how we found out', 'Nature of the breach', 'People and data affected', 'Likely consequences', 'Risk assessment', 'Measures taken or proposed', 'Informing the people affected'],
  nl: ['Melder', 'Wat er is gebeurd', 'Wanneer het gebeurde en hoe wij het ontdekten', 'Aard van het lek', 'Betrokkenen en gegevens', 'Waarschijnlijke gevolgen', 'Risicobeoordeling', 'Genomen of voorgestelde maatregelen', 'Informeren van betrokkenen'],
  de: ['Meldende Stelle', 'Was geschehen ist', 'Zeitpunkt und Entdeckung', 'Art der Verletzung', 'Betroffene Personen und Daten', 'Wahrscheinliche Folgen', 'Risikobewertung', 'Ergriffene oder vorgeschlagene Maßnahmen', 'Benachrichtigung der Betroffenen'],
  it: ['Soggetto che notifica', 'Che cosa è successo', 'Quando è avvenuta e come ne siamo venuti a conoscenza', 'Natura della violazione', 'Interessati e dati coinvolti', 'Probabili conseguenze', 'Valutazione del rischio', 'Misure adottate o proposte', 'Comunicazione agli interessati'],
};
const NOT_KNOWN: Record<UiLanguage, string> = { en: 'Not yet known', nl: 'Nog niet bekend', de: 'Noch nicht bekannt', it: 'Non ancora noto' };
/** The awareness instant 2026-03-27T09:00Z in Europe/Amsterdam: 10:00 at UTC+01:00, before the DST change. */
const AWARE: Record<UiLanguage, string> = { en: '27 March 2026 at 10:00 GMT+01:00', nl: '27 maart 2026 om 10:00 GMT+01:00', de: '27. März 2026 um 10:00 GMT+01:00', it: '27 marzo 2026 alle ore 10:00 GMT+01:00' };
/** The deadline after the change to summer time: 72 elapsed hours later is 11:00 at UTC+02:00. */
const DUE: Record<UiLanguage, string> = { en: '30 March 2026 at 11:00 GMT+02:00', nl: '30 maart 2026 om 11:00 GMT+02:00', de: '30. März 2026 um 11:00 GMT+02:00', it: '30 marzo 2026 alle ore 11:00 GMT+02:00' };
const PLAIN: Record<UiLanguage, string> = { en: 'people who should not have seen your data', nl: 'mensen die uw gegevens niet mochten zien', de: 'Personen, die Ihre Daten nicht sehen durften', it: 'persone che non dovevano vedere i tuoi dati' };
const DPO_LINE: Record<UiLanguage, string> = { en: 'data protection officer', nl: 'functionaris gegevensbescherming', de: 'Datenschutzbeauftragte', it: 'responsabile della protezione dei dati' };

describe('breach notification to the supervisory authority', () => {
  for (const language of UI_LANGUAGES) {
    it(`${language}: sections in the forms' order, the facts, the 72-hour deadline across DST`, async () => {
      const input = kindSpec('breach-notification').sample();
      const doc = await renderDocument({ kind: 'breach-notification', language, input, fonts });
      savePdfAndPng(doc.bytes, `test-output/documents/breach-notification.${language}`);
      const text = squash(pdfText(doc.bytes));
      let last = -1;
      for (const heading of SECTIONS[language]) {
        const at = text.indexOf(squash(heading));
        expect(at, heading).toBeGreaterThan(last);
        last = at;
      }
      for (const value of ['AP-2026-0042', 'BR-2026-007', 'Bloemenhuis Verdi B.V.', 'MailFlow B.V.', 'Pieter Bakker', AWARE[language], DUE[language]]) expect(text).toContain(squash(value));
      expect(text).toContain(squash('120'));
      // Everything is known in the sample: nothing is marked for a follow-up.
      expect(text).not.toContain(squash(NOT_KNOWN[language]));
      const again = await renderDocument({ kind: 'breach-notification', language, input, fonts });
      expect(again.outputSha256).toBe(doc.outputSha256);
    });

    it(`${language}: marks what is not yet known for a follow-up (Art. 33(4))`, async () => {
      const input = kindSpec('breach-notification').sample() as { breach: Record<string, unknown> };
      input.breach = { ...input.breach, occurred: { unknown: true }, consequences: '', affected: { subjectCategories: [], recordCategories: ['e-mail addresses'], specialCategories: [], activities: [], subprocessors: [] }, communication: { status: 'pending' } };
      const doc = await renderDocument({ kind: 'breach-notification', language, input, fonts });
      const text = pdfText(doc.bytes);
      expect(text.split(NOT_KNOWN[language]).length - 1).toBeGreaterThanOrEqual(5);
    });
  }
});

describe('letter to the people affected (Art. 34(2))', () => {
  for (const language of UI_LANGUAGES) {
    it(`${language}: nature in plain words, DPO contact, consequences, measures`, async () => {
      const input = kindSpec('breach-letter').sample();
      const doc = await renderDocument({ kind: 'breach-letter', language, input, fonts });
      savePdfAndPng(doc.bytes, `test-output/documents/breach-letter.${language}`);
      const text = squash(pdfText(doc.bytes));
      for (const value of ['Pieter Bakker', 'fg@bloemenhuis.example', 'BR-2026-007', AWARE[language]]) expect(text).toContain(squash(value));
      expect(text).toContain(squash(DPO_LINE[language]));
      expect(text).toContain(squash(PLAIN[language]));
      // The measures and consequences from the record.
      expect(text).toContain(squash('The recipient deleted the e-mail'));
      expect(text).toContain(squash('Misuse for phishing is possible'));
      expect(doc.pages).toBeLessThanOrEqual(2);
    });
  }
});

describe('breach register', () => {
  for (const language of UI_LANGUAGES) {
    it(`${language}: PDF report lists every breach, notified or not, with the reasons`, async () => {
      const input = kindSpec('breach-register').sample();
      const doc = await renderDocument({ kind: 'breach-register', language, input, fonts });
      savePdfAndPng(doc.bytes, `test-output/documents/breach-register.${language}`);
      const text = squash(pdfText(doc.bytes));
      for (const value of ['BR-2026-007', 'BR-2026-008', 'Laptop stolen from a car', 'The disk was encrypted and the key was not with the laptop']) expect(text).toContain(squash(value));
    });
  }

  it('CSV: one row per breach, headers in the language, formulas guarded, BOM and CRLF', () => {
    const input = kindSpec('breach-register').sample() as BreachRegisterInput;
    input.breaches[1]!.title = '=HYPERLINK("http://evil")';
    const csv = breachRegisterCsv(input.breaches, 'de');
    expect(csv.startsWith('\uFEFFAktenzeichen,Titel,Status')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe('BR-2026-007');
    expect(rows[2]![1]).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[1]).toContain('Aufsichtsbehörde benachrichtigt');
  });
});
