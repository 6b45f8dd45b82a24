// The few words the layout engine prints itself, in each document language.
export type DocumentLanguage = 'en' | 'nl' | 'de' | 'it';

export interface LayoutLabels {
  page(page: number, pages: number): string;
  name: string;
  title: string;
  place: string;
  date: string;
  signature: string;
}

export const LABELS: Record<DocumentLanguage, LayoutLabels> = {
  en: { page: (p, n) => `Page ${p} of ${n}`, name: 'Name', title: 'Title', place: 'Place', date: 'Date', signature: 'Signature' },
  nl: { page: (p, n) => `Pagina ${p} van ${n}`, name: 'Naam', title: 'Functie', place: 'Plaats', date: 'Datum', signature: 'Handtekening' },
  de: { page: (p, n) => `Seite ${p} von ${n}`, name: 'Name', title: 'Funktion', place: 'Ort', date: 'Datum', signature: 'Unterschrift' },
  it: { page: (p, n) => `Pagina ${p} di ${n}`, name: 'Nome', title: 'Qualifica', place: 'Luogo', date: 'Data', signature: 'Firma' },
};
