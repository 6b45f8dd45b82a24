// What the DPA input can say since Documents v2, checked on the LiveAgent sample
// (templates/dpa/samples/liveagent-nl.json: a Dutch controller and Quality Unit, s.r.o. trading as
// LiveAgent): a trade name beside the legal name, the processor's own locations, a contact point
// that is not a DPO, transfers on several grounds, "immediately", the subprocessor contracts;
// every field the input accepts is printed; the published JSON Schema and the validator agree.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import { DpaInput } from '../../lib/documents/inputs/dpa';
import { dpaKind } from '../../lib/documents/kinds/dpa';
import { renderDocument, renderDocumentMarkdown } from '../../lib/documents/render';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import { inputJsonSchema } from '../../lib/cli/commands/schema';
import { ValidationError } from '../../lib/model/errors';
import type { PdfFonts } from '../../lib/documents/layout';
import { pdfText, squash, unescapeMarkdown } from './document-tools';

const LIVEAGENT = 'templates/dpa/samples/liveagent-nl.json';
const liveagent = () => JSON.parse(readFileSync(LIVEAGENT, 'utf8')) as Record<string, any>;

/** What a reader sees: escapes, bold marks and layout markers removed, no-break spaces as spaces. */
const read = (markdown: string) =>
  unescapeMarkdown(markdown)
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/[\uE000-\uE0FF]/g, '');

async function markdown(input: unknown, lang: UiLanguage): Promise<string> {
  return read((await renderDocumentMarkdown({ kind: 'dpa', language: lang, input })).markdown);
}

const TRADING: Record<UiLanguage, string> = {
  en: 'Quality Unit, s.r.o., trading as LiveAgent,',
  nl: 'Quality Unit, s.r.o., handelend onder de naam LiveAgent,',
  de: 'Quality Unit, s.r.o., handelnd unter der Geschäftsbezeichnung LiveAgent,',
  it: 'Quality Unit, s.r.o., operante con il nome commerciale LiveAgent,',
};
const NO_DPO: Record<UiLanguage, RegExp> = {
  en: /none designated/,
  nl: /niet aangesteld/,
  de: /nicht benannt/,
  it: /non designato/,
};
const OWN_LOCATIONS: Record<UiLanguage, string> = {
  en: 'Where the Processor itself processes the data: Germany, United Kingdom, Slovakia',
  nl: 'Waar de Verwerker de gegevens zelf verwerkt: Duitsland, Verenigd Koninkrijk, Slowakije',
  de: 'Orte, an denen der Auftragsverarbeiter selbst verarbeitet: Deutschland, Vereinigtes Königreich, Slowakei',
  it: 'Luoghi in cui il Responsabile tratta direttamente i dati: Germania, Regno Unito, Slovacchia',
};
const GROUNDS: Record<UiLanguage, [string, string]> = {
  en: ['United Kingdom (eigen vestiging van Quality Unit', 'Adequacy decision (Art. 45 GDPR)'],
  nl: ['Verenigd Koninkrijk (eigen vestiging van Quality Unit', 'Adequaatheidsbesluit (art. 45 AVG)'],
  de: ['Vereinigtes Königreich (eigen vestiging van Quality Unit', 'Angemessenheitsbeschluss (Art. 45 DSGVO)'],
  it: ['Regno Unito (eigen vestiging van Quality Unit', 'Decisione di adeguatezza (art. 45 GDPR)'],
};
const ERASE_NOW: Record<UiLanguage, string> = {
  en: 'to erase personal data immediately',
  nl: 'tot wissing van persoonsgegevens onmiddellijk uit',
  de: 'zur Löschung personenbezogener Daten sofort aus',
  it: 'esegue immediatamente le istruzioni del Titolare di cancellare',
};
const CONTRACTS: Record<UiLanguage, string> = {
  en: 'it has concluded such a contract with each subprocessor listed in Annex IV',
  nl: 'met iedere in Bijlage IV vermelde subverwerker een dergelijke overeenkomst heeft gesloten',
  de: 'mit jedem in Anhang IV aufgeführten Unterauftragsverarbeiter einen solchen Vertrag geschlossen hat',
  it: 'di aver concluso un tale contratto con ciascun sub-responsabile elencato',
};

describe('the LiveAgent DPA fits the input without bending a field', () => {
  it('validates as it is', () => {
    const input = DpaInput.parse(liveagent());
    expect(input.processor.tradeName).toBe('LiveAgent');
    expect(input.processing.purpose).toBeUndefined();
  });

  for (const lang of UI_LANGUAGES) {
    it(`${lang}: trade name beside the legal name, the legal name in title and signatures`, async () => {
      const md = await markdown(liveagent(), lang);
      expect(md).toContain(TRADING[lang]);
      const signatures = md.slice(md.indexOf('<!-- signatures -->'));
      expect(signatures).toMatch(/\| Quality Unit, s\.r\.o\. \(/);
      expect(signatures.split('<!-- pagebreak -->')[0]).not.toContain('LiveAgent');
      expect(dpaKind.meta(DpaInput.parse(liveagent()), lang).title).toMatch(/Quality Unit, s\.r\.o\.$/);
    });

    it(`${lang}: the processor's own locations, transfers per destination, "immediately", the subprocessor contracts; no "no DPO" unless chosen`, async () => {
      const md = await markdown(liveagent(), lang);
      expect(md).toContain(OWN_LOCATIONS[lang]);
      expect(md).toContain(GROUNDS[lang][0]);
      expect(md).toContain(GROUNDS[lang][1]);
      expect(md).toContain(ERASE_NOW[lang]);
      expect(md).toContain(CONTRACTS[lang]);
      expect(md).not.toMatch(NO_DPO[lang]);
      const chosen = liveagent();
      chosen.processor.noDpo = true;
      expect(await markdown(chosen, lang)).toMatch(NO_DPO[lang]);
    });
  }

  it('does not repeat the general description in an activity', async () => {
    const md = await markdown(liveagent(), 'nl');
    const retention = 'tickets worden 24 maanden na sluiting automatisch gewist';
    expect(md.split(retention)).toHaveLength(2); // once, in the general description
    expect(md).toContain('Bewaartermijn: zoals vermeld in de algemene beschrijving');
  });

  it('prints the DPO’s role and an activity’s transfer documentation', async () => {
    const input = dpaKind.sample();
    const md = await markdown(input, 'en');
    expect(md).toContain(`${input.controller.dpo!.name} (${input.controller.dpo!.role})`);
    expect(md).toContain(`${input.processor.dpo!.name} (${input.processor.dpo!.role})`);
    expect(md).toContain('(Transfer impact assessment of 12 January 2026)');
  });
});

/** String leaves of a value with their paths. */
function leaves(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

/**
 * Leaves that are codes the document prints translated (countries, dates, choices) or bookkeeping
 * (ids), not text; they are checked by the clause tests.
 */
const CODED = /(?:^|\.)(?:language|date|effectiveDate|signedOn|addedOn|removedOn|endDate|country|locations\.\d+|processorLocations\.\d+|type|variant|action|mechanism|transferMechanism|safeguard|area|frequency|legalBasis|condition|currency|id|breachReporting|breachNotificationHours|erasureOnRequest)$/;

describe('every field the input accepts is printed', () => {
  for (const [name, load] of [
    ['the sample', () => structuredClone(dpaKind.sample()) as Record<string, any>],
    ['the LiveAgent sample', liveagent],
  ] as const) {
    it(`${name}: every text value reaches the document, in every language`, async () => {
      const input = DpaInput.parse(load());
      const texts = leaves(input).filter(([path]) => !CODED.test(path));
      expect(texts.length).toBeGreaterThan(40);
      for (const lang of UI_LANGUAGES) {
        const md = (await markdown(input, lang)).replace(/\s+/g, ' ');
        const missing = texts.filter(([, text]) => !md.includes(text.replace(/\s+/g, ' ')));
        expect(missing, lang).toEqual([]);
      }
    });
  }

  it('fields of a register entry that the agreement does not print are not accepted into it', () => {
    const input = structuredClone(dpaKind.sample()) as Record<string, any>;
    input.activities[0].systems = ['CRM'];
    input.activities[0].jointControllers = ['Someone Else GmbH'];
    const parsed = DpaInput.parse(input) as Record<string, any>;
    expect(parsed.activities[0]).not.toHaveProperty('systems');
    expect(parsed.activities[0]).not.toHaveProperty('jointControllers');
  });
});

describe('one source for the JSON Schema and the validator', () => {
  const schema = inputJsonSchema('dpa') as any;
  const authorisation = schema.properties.subprocessorAuthorisation;

  it('the schema requires noticeDays with general authorisation, as the validator does', () => {
    const branches = (authorisation.oneOf ?? authorisation.anyOf) as any[];
    const general = branches.find((b) => b.properties.type.const === 'general');
    const specific = branches.find((b) => b.properties.type.const === 'specific');
    expect(general.required).toContain('noticeDays');
    expect(specific.required ?? []).not.toContain('noticeDays');
    const input = structuredClone(dpaKind.sample()) as Record<string, any>;
    delete input.subprocessorAuthorisation.noticeDays;
    const result = DpaInput.safeParse(input);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'subprocessorAuthorisation.noticeDays: general authorisation needs a notice period in days (Art. 28(2) GDPR: the controller must be able to object)',
    ]);
  });

  it('an input saved before v2 still validates', () => {
    const old = structuredClone(dpaKind.sample()) as Record<string, any>;
    old.breachNotificationHours = 36;
    delete old.breachReporting;
    delete old.thirdPartyBeneficiaries;
    delete old.subprocessorContractsConcluded;
    expect(() => DpaInput.parse(old)).not.toThrow();
  });

  it('an old input with 72 breach hours gets an error naming the field', async () => {
    const old = structuredClone(dpaKind.sample()) as Record<string, any>;
    old.breachNotificationHours = 72;
    const error = await renderDocumentMarkdown({ kind: 'dpa', language: 'en', input: old }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['breachNotificationHours']);
  });
});

describe('the LiveAgent DPA as PDF', () => {
  let fonts: PdfFonts;
  beforeAll(async () => {
    fonts = await loadNodeFonts();
  });

  it('reads back the trade name, the own locations and the grounds per destination in all four languages', async () => {
    for (const lang of UI_LANGUAGES) {
      const { bytes } = await renderDocument({ kind: 'dpa', language: lang, input: liveagent(), fonts });
      const text = squash(pdfText(bytes));
      expect(text, lang).toContain(squash(TRADING[lang].replace(/,$/, '')));
      expect(text, lang).toContain(squash(OWN_LOCATIONS[lang].split(': ')[1]!));
      expect(text, lang).toContain(squash(GROUNDS[lang][1]));
    }
  });
});

describe('the subprocessor list and the change notice print what they accept', () => {
  it('prints each subprocessor’s address and contact under the table', async () => {
    const input = structuredClone((await import('../../lib/documents/kinds')).kindSpec('subprocessors').sample()) as Record<string, any>;
    input.list.subprocessors[0].address = 'Via Roma 1, 20121 Milano';
    input.list.subprocessors[0].contact = 'privacy@citta.example';
    for (const lang of UI_LANGUAGES) {
      const md = read((await renderDocumentMarkdown({ kind: 'subprocessors', language: lang, input })).markdown);
      expect(md, lang).toContain(`- ${input.list.subprocessors[0].legalEntity}: Via Roma 1, 20121 Milano; privacy@citta.example`);
    }
  });
});
