// How shared inputs appear to templates: pre-formatted for the document language, every key
// present (absent values are `null`), because templates are strict and hold no logic.
import { LEGAL_BASIS_ARTICLE, type LegalBasis } from '../../model/activity';
import type { UiLanguage } from '../../model/common';
import { countryName, formatDate } from '../format';
import type { Party } from './common';
import { keepWhole } from '../spans';

/** Countries that write the postcode after the city ("London SW1A 1AA"). */
const POSTCODE_AFTER_CITY = new Set(['GB', 'IE', 'MT', 'CY']);

export function cityLine(postalCode: string, city: string, country: string): string {
  if (!postalCode) return city;
  return POSTCODE_AFTER_CITY.has(country) ? `${city} ${postalCode}` : `${postalCode} ${city}`;
}

export interface PartyView {
  legalName: string;
  registrationNumber: string | null;
  vatNumber: string | null;
  street: string;
  /** "80331 München" / "London SW1A 1AA". */
  cityLine: string;
  country: string;
  /** The whole address on one line, for tables: "Marktstraße 5, 80331 München, Deutschland". */
  address: string;
  representativeName: string;
  representativeTitle: string;
  email: string;
  dpo: { name: string; email: string; phone: string | null } | null;
}

export function partyView(party: Party, lang: UiLanguage): PartyView {
  const country = countryName(party.country, lang);
  const line = cityLine(party.address.postalCode, party.address.city, party.country);
  // Names and numbers are never hyphenated (../spans.ts); addresses may wrap between words.
  return {
    legalName: keepWhole(party.legalName),
    registrationNumber: party.registrationNumber ? keepWhole(party.registrationNumber) : null,
    vatNumber: party.vatNumber || null,
    street: party.address.street,
    cityLine: line,
    country,
    address: `${party.address.street}, ${line}, ${country}`,
    representativeName: keepWhole(party.representative.name),
    representativeTitle: party.representative.title,
    email: party.email,
    dpo: party.dpo ? { name: keepWhole(party.dpo.name), email: party.dpo.email, phone: party.dpo.phone || null } : null,
  };
}

/** Free text with blank-line or line-break separated paragraphs → one string per paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A date with the article Italian puts before it: "il 15 marzo 2026", "l’8 marzo 2026",
 * "l’11 marzo 2026", "il 1º marzo 2026" (the first of a month is an ordinal). Other languages
 * need no article: the plain long date.
 */
export function dateWithArticle(isoDate: string, lang: UiLanguage): string {
  const formatted = formatDate(isoDate, lang);
  if (lang !== 'it') return formatted;
  const day = Number(isoDate.slice(8, 10));
  if (day === 8 || day === 11) return `l’${formatted}`;
  if (day === 1) return `il ${formatted.replace(/^1(?=[ \u00A0])/, '1º')}`;
  return `il ${formatted}`;
}

const REGULATION: Record<UiLanguage, string> = { en: 'GDPR', nl: 'AVG', de: 'DSGVO', it: 'GDPR' };

const ARTICLE_REF = /^\s*(?:Art(?:icle|ikel|icolo)?\.?|art\.?)\s*(\d+)\s*((?:\(\s*[0-9a-z]+\s*\))*)\s*(?:GDPR|AVG|DSGVO|RGPD)?\s*$/i;

/**
 * An article reference written the English way ("Art. 17(3)(b)") as lawyers cite it in the
 * document language: "Art. 17(3)(b) GDPR", "art. 17 lid 3 sub b AVG", "Art. 17 Abs. 3 lit. b DSGVO",
 * "art. 17, par. 3, lett. b), GDPR". Anything that is not such a reference is returned unchanged.
 */
export function formatArticle(reference: string, lang: UiLanguage): string {
  const match = ARTICLE_REF.exec(reference);
  if (!match) return reference;
  const article = match[1]!;
  const parts = [...(match[2] ?? '').matchAll(/\(\s*([0-9a-z]+)\s*\)/gi)].map((m) => m[1]!);
  const [paragraph, point, subpoint] = parts;
  const reg = REGULATION[lang];
  switch (lang) {
    case 'en':
      return `Art. ${article}${parts.map((p) => `(${p})`).join('')} ${reg}`;
    case 'nl':
      return `art. ${article}${paragraph ? ` lid ${paragraph}` : ''}${point ? ` sub ${point}` : ''}${subpoint ? `, onder ${subpoint}` : ''} ${reg}`;
    case 'de':
      return `Art. ${article}${paragraph ? ` Abs. ${paragraph}` : ''}${point ? ` ${/^\d+$/.test(point) ? 'Nr.' : 'lit.'} ${point}` : ''}${subpoint ? ` ${subpoint}` : ''} ${reg}`;
    case 'it':
      return `art. ${article}${paragraph ? `, par. ${paragraph}` : ''}${point ? `, lett. ${point})` : ''}${subpoint ? `, ${subpoint})` : ''}, ${reg}`.replace(/^(art\. \d+), GDPR$/, '$1 GDPR');
  }
}

/** Art. 6(1)(a)–(f) lawful bases in the document language, lower case as they read mid-sentence (the register, the DPA). */
export const LEGAL_BASIS_LABEL: Record<UiLanguage, Record<LegalBasis, string>> = {
  en: {
    consent: 'consent',
    contract: 'performance of a contract',
    'legal-obligation': 'compliance with a legal obligation',
    'vital-interests': 'protection of vital interests',
    'public-task': 'task in the public interest or exercise of official authority',
    'legitimate-interests': 'legitimate interests',
  },
  nl: {
    consent: 'toestemming',
    contract: 'uitvoering van een overeenkomst',
    'legal-obligation': 'wettelijke verplichting',
    'vital-interests': 'vitale belangen',
    'public-task': 'taak van algemeen belang of uitoefening van openbaar gezag',
    'legitimate-interests': 'gerechtvaardigd belang',
  },
  de: {
    consent: 'Einwilligung',
    contract: 'Vertragserfüllung',
    'legal-obligation': 'Erfüllung einer rechtlichen Verpflichtung',
    'vital-interests': 'Schutz lebenswichtiger Interessen',
    'public-task': 'Aufgabe im öffentlichen Interesse oder Ausübung öffentlicher Gewalt',
    'legitimate-interests': 'berechtigte Interessen',
  },
  it: {
    consent: 'consenso',
    contract: 'esecuzione di un contratto',
    'legal-obligation': 'adempimento di un obbligo legale',
    'vital-interests': 'salvaguardia di interessi vitali',
    'public-task': 'esecuzione di un compito di interesse pubblico o connesso all’esercizio di pubblici poteri',
    'legitimate-interests': 'legittimo interesse',
  },
};

/** "Performance of a contract (Art. 6(1)(b) GDPR)": a lawful basis as a label of its own, with its article. */
export function legalBasisLabel(basis: LegalBasis, lang: UiLanguage): string {
  const name = LEGAL_BASIS_LABEL[lang][basis];
  return `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)} (${formatArticle(LEGAL_BASIS_ARTICLE[basis], lang)})`;
}
