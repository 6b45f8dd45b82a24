// Document information, language and file identifier. Everything derives from the input, so two
// renders of one input are byte-identical: fixed dates, no random font-name suffixes (fonts.ts),
// and an /ID that is a hash of the input rather than of the clock.
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { canonicalJson, sha256Hex } from '../hash';
import type { PdfFonts } from './fonts';
import type { DocumentLanguage } from './labels';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  language: DocumentLanguage;
  keywords?: string[];
  /** ISO date or instant: the creation and modification date of the PDF. */
  date: string;
  producer?: string;
}

const PRODUCT = 'Privacy Desk';
/** Part of the /ID: a new layout engine makes other bytes from the same input. */
const ENGINE_VERSION = 'layout-1';

export function parseMetaDate(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new Error(`PdfMeta.date must be an ISO date or instant, got ${JSON.stringify(value)}`);
  return date;
}

export async function applyMetadata(doc: PDFDocument, meta: PdfMeta, markdown: string, fonts: PdfFonts): Promise<void> {
  const date = parseMetaDate(meta.date);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setProducer(meta.producer ?? PRODUCT);
  doc.setCreator(PRODUCT);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));

  const fontSizes = [fonts.regular.length, fonts.bold.length, fonts.italic.length, fonts.boldItalic.length];
  const id = (await sha256Hex(canonicalJson({ engine: ENGINE_VERSION, markdown, meta, fontSizes }))).slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
