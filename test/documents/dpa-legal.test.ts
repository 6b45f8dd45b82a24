// Legal corrections of the DPA that must hold in all four languages: the liability exclusion says
// the same thing everywhere, the controller decides freely under specific authorisation, breach
// notice is 24 hours by default (never the controller's whole 72), the processor may notify the
// authority when the parties choose so, audits carry no clauses a controller's lawyer would strike,
// Annexes I, II and IV carry what the Commission's annexes ask for, and each language cites articles
// one way in every document. Periods take their plural from Intl.PluralRules.
import { beforeAll, describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import { DpaInput } from '../../lib/documents/inputs/dpa';
import { dpaKind } from '../../lib/documents/kinds/dpa';
import { formatPeriod } from '../../lib/documents/format';
import { renderDocument, renderDocumentMarkdown } from '../../lib/documents/render';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';
import type { DocumentKind } from '../../lib/model/document';
import { kindSpec } from '../../lib/documents/kinds';
import { pdfText, unescapeMarkdown } from './document-tools';

/** What a reader sees: escapes and bold marks removed, no-break spaces as spaces. */
const read = (markdown: string) => unescapeMarkdown(markdown).replace(/[\u00a0\u202f]/g, ' ').replace(/\*\*/g, '');

async function markdown(input: unknown, lang: UiLanguage, kind: DocumentKind = 'dpa'): Promise<string> {
  return read((await renderDocumentMarkdown({ kind, language: lang, input })).markdown);
}

function raw(): Record<string, any> {
  return structuredClone(dpaKind.sample()) as Record<string, any>;
}

/** The numbered paragraph `n` ("13.1") up to the next paragraph. */
function paragraph(md: string, n: string): string {
  const at = md.indexOf(`\n${n} `);
  expect(at, `paragraph ${n}`).toBeGreaterThan(-1);
  return md.slice(at + 1, md.indexOf('\n\n', at + 1));
}

const LIABILITY: Record<UiLanguage, string> = {
  en: 'wilfully or by gross negligence',
  nl: 'opzet of grove schuld',
  de: 'vorsätzlich oder grob fahrlässig',
  it: 'dolo o colpa grave',
};

const REASONABLE_GROUNDS: Record<UiLanguage, RegExp> = {
  en: /reasonable grounds/i,
  nl: /redelijke gronden/i,
  de: /sachliche[nr]? Gr[üu]nd/i,
  it: /ragionevoli motivi/i,
};

const BREACH_24H: Record<UiLanguage, string> = {
  en: 'without undue delay after becoming aware of it, and at the latest within 24 hours',
  nl: 'zonder onredelijke vertraging nadat hij er kennis van heeft genomen, en uiterlijk binnen 24 uur',
  de: 'unverzüglich, nachdem sie ihm bekannt geworden ist, spätestens jedoch innerhalb von 24 Stunden',
  it: 'senza ingiustificato ritardo dopo esserne venuto a conoscenza e, in ogni caso, entro 24 ore',
};
const BREACH_NOW: Record<UiLanguage, string> = {
  en: 'immediately after becoming aware of it',
  nl: 'onmiddellijk nadat hij er kennis van heeft genomen',
  de: 'sofort, nachdem sie ihm bekannt geworden ist',
  it: 'immediatamente dopo esserne venuto a conoscenza',
};
const PROCESSOR_NOTIFIES: Record<UiLanguage, string> = {
  en: 'The Processor notifies the competent supervisory authority of the breach on the Controller’s behalf',
  nl: 'De Verwerker meldt de inbreuk namens de Verwerkingsverantwoordelijke aan de bevoegde toezichthoudende autoriteit',
  de: 'Der Auftragsverarbeiter meldet die Verletzung im Namen des Verantwortlichen der zuständigen Aufsichtsbehörde',
  it: 'Il Responsabile notifica la violazione all’autorità di controllo competente per conto del Titolare',
};
/** Words of the audit restrictions that were dropped: office hours and the competitor bar. */
const AUDIT_STRUCK: Record<UiLanguage, RegExp> = {
  en: /business hours|competitor/i,
  nl: /kantooruren|werktijden|concurrent/i,
  de: /Geschäftszeiten|Wettbewerber/i,
  it: /orario|concorrente/i,
};
const AUDIT_KEPT: Record<UiLanguage, RegExp> = {
  en: /confidentiality/,
  nl: /geheimhouding/,
  de: /Verschwiegenheit/,
  it: /riservatezza/,
};
const THIRD_PARTY: Record<UiLanguage, string> = {
  en: 'as third-party beneficiaries',
  nl: 'als derde-begunstigden',
  de: 'als begünstigte Dritte',
  it: 'in qualità di terzi beneficiari',
};
const DURATION: Record<UiLanguage, string> = {
  en: 'Duration of the processing: for as long as the Main Agreement remains in force',
  nl: 'Duur van de verwerking: zolang de Hoofdovereenkomst van kracht is',
  de: 'Dauer der Verarbeitung: solange der Hauptvertrag besteht',
  it: 'Durata del trattamento: per tutta la durata del Contratto principale',
};
const SIGNED_ON: Record<UiLanguage, string> = {
  en: 'Date of signature: 4 March 2026',
  nl: 'Datum van ondertekening: 4 maart 2026',
  de: 'Datum der Unterzeichnung: 4. März 2026',
  it: 'Data di sottoscrizione: 4 marzo 2026',
};

describe('DPA legal corrections, in every language', () => {
  for (const lang of UI_LANGUAGES) {
    describe(lang, () => {
      it('excludes intent and gross negligence from the liability cap (15.2), the same in every language', async () => {
        const md = await markdown(raw(), lang);
        expect(paragraph(md, '15.2')).toContain(LIABILITY[lang]);
        expect(md).not.toMatch(/bewuste roekeloosheid/);
      });

      it('lets the controller simply decide under specific authorisation (8.3), but keeps the objection under general authorisation', async () => {
        const specific = raw();
        specific.subprocessorAuthorisation = { type: 'specific', noticeDays: 14 };
        const md = await markdown(specific, lang);
        expect(paragraph(md, '8.3')).not.toMatch(REASONABLE_GROUNDS[lang]);
        expect(paragraph(await markdown(raw(), lang), '8.3')).toMatch(REASONABLE_GROUNDS[lang]);
      });

      it('notifies breaches without undue delay and within 24 hours by default, or immediately (13.1)', async () => {
        const input = raw();
        delete input.breachNotificationHours;
        expect(paragraph(await markdown(input, lang), '13.1')).toContain(BREACH_24H[lang]);
        input.breachNotificationHours = 'immediately';
        const now = paragraph(await markdown(input, lang), '13.1');
        expect(now).toContain(BREACH_NOW[lang]);
        expect(now).not.toMatch(/\d+ (?:hours|uur|Stunden|ore)\b/);
      });

      it('lets the parties choose that the processor notifies the authority (13.5)', async () => {
        const input = raw();
        expect(paragraph(await markdown(input, lang), '13.5')).not.toContain(PROCESSOR_NOTIFIES[lang]);
        input.breachReporting = 'processor-on-behalf';
        expect(paragraph(await markdown(input, lang), '13.5')).toContain(PROCESSOR_NOTIFIES[lang]);
      });

      it('keeps notice and confidentiality for audits, without office hours or a competitor bar (12.3)', async () => {
        const audit = paragraph(await markdown(raw(), lang), '12.3');
        expect(audit).not.toMatch(AUDIT_STRUCK[lang]);
        expect(audit).toMatch(AUDIT_KEPT[lang]);
      });

      it('gives data subjects third-party-beneficiary rights where the law allows, unless the parties opt out (16.5)', async () => {
        const input = raw();
        expect(paragraph(await markdown(input, lang), '16.5')).toContain(THIRD_PARTY[lang]);
        input.thirdPartyBeneficiaries = false;
        expect(paragraph(await markdown(input, lang), '16.5')).not.toContain(THIRD_PARTY[lang]);
      });

      it('prints the contact person with their position and the date of signature (Annex I), the duration (Annex II) and each subprocessor’s address and contact (Annex IV)', async () => {
        const input = raw();
        input.controller.contact = { name: 'Sanne de Wit', role: 'Privacy Officer', email: 'privacy@example.nl' };
        input.controller.signedOn = '2026-03-04';
        input.subprocessors[0].address = 'Am Sandtorkai 7, 20457 Hamburg';
        input.subprocessors[0].contact = 'privacy@nordwolke.example';
        const md = await markdown(input, lang);
        expect(md).toContain('Sanne de Wit (Privacy Officer), privacy@example.nl');
        expect(md).toContain(SIGNED_ON[lang]);
        expect(md).toContain(DURATION[lang]);
        expect(md).toContain('- Nordwolke Rechenzentren GmbH: Am Sandtorkai 7, 20457 Hamburg; privacy@nordwolke.example');
      });
    });
  }

  it('refuses 72 hours (and anything above 48) with a message that names the field and why', () => {
    const input = raw();
    input.breachNotificationHours = 72;
    const result = DpaInput.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === 'breachNotificationHours');
    expect(issue?.message).toMatch(/48 hours.*Art\. 33\(1\)/);
  });
});

describe('citation style', () => {
  /** Citations that separate paragraph and point with commas, where the language's style has none (Dutch), or spell out what the style abbreviates (Italian). */
  const FOREIGN_STYLE: Partial<Record<UiLanguage, RegExp>> = {
    nl: /\b(?:artikel|art\.) \d+,\s*(?:lid|leden)\b|\blid \d+,\s*(?:sub|AVG)/i,
    it: /\bparagraf[oi]\b/i,
  };
  const KINDS: DocumentKind[] = ['dpa', 'subprocessors', 'subprocessor-notice', 'dsar-response', 'register'];

  for (const lang of ['nl', 'it'] as const) {
    it(`${lang}: every document cites articles one way`, async () => {
      for (const kind of KINDS) {
        const md = await markdown(kindSpec(kind).sample(), lang, kind);
        expect(md, `${kind}`).not.toMatch(FOREIGN_STYLE[lang]!);
      }
      if (lang === 'nl') expect(await markdown(kindSpec('subprocessor-notice').sample(), 'nl', 'subprocessor-notice')).toMatch(/artikel 28 lid 2 AVG/i);
    });
  }
});

describe('periods take the plural the number needs', () => {
  it.each([
    ['en', '1 day', '2 days'],
    ['nl', '1 dag', '2 dagen'],
    ['de', '1 Tag', '2 Tage'],
    ['it', '1 giorno', '2 giorni'],
  ] as const)('%s: %s, %s', (lang, one, two) => {
    expect(formatPeriod(1, 'day', lang).replace('\u00a0', ' ')).toBe(one);
    expect(formatPeriod(2, 'day', lang).replace('\u00a0', ' ')).toBe(two);
  });

  it('German takes the dative after "innerhalb von"; hours too', () => {
    expect(formatPeriod(1, 'day', 'de', true)).toBe('1\u00a0Tag');
    expect(formatPeriod(30, 'day', 'de', true)).toBe('30\u00a0Tagen');
    expect(formatPeriod(1, 'hour', 'en')).toBe('1\u00a0hour');
    expect(formatPeriod(1, 'hour', 'it')).toBe('1\u00a0ora');
  });

  it('a one-day period reads "1 dag" / "1 day" / "1 Tag" / "1 giorno" in the DPA', async () => {
    const input = raw();
    input.auditNoticeDays = 1;
    input.endOfProcessing.days = 1;
    const expected: Record<UiLanguage, string[]> = {
      en: ['at least 1 day in advance', 'within 1 day'],
      nl: ['ten minste 1 dag', 'binnen 1 dag'],
      de: ['mindestens 1 Tag', 'innerhalb von 1 Tag '],
      it: ['almeno 1 giorno', 'entro 1 giorno'],
    };
    for (const lang of UI_LANGUAGES) {
      const md = await markdown(input, lang);
      for (const text of expected[lang]) expect(md, lang).toContain(text);
      expect(md, lang).not.toMatch(/\b1 (?:days|dagen|Tagen?|giorni)\b/);
    }
  });
});

describe('read back from the PDF', () => {
  let fonts: PdfFonts;
  beforeAll(async () => {
    fonts = await loadNodeFonts();
  });

  it('the Dutch PDF says "opzet of grove schuld" and "uiterlijk binnen 24 uur"', async () => {
    const input = raw();
    delete input.breachNotificationHours;
    const { bytes } = await renderDocument({ kind: 'dpa', language: 'nl', input, fonts });
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('opzet of grove schuld');
    expect(text).toContain('uiterlijk binnen 24 uur');
  });
});
