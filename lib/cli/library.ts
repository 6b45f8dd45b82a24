// `import { renderDocument } from 'privacy-desk'`: the document pipeline of the CLI for Node programs
// (the `privacy-desk` package built by scripts/build-cli.mjs). The same validation, templates and
// layout engine as the extension and `privacy-desk render`, so the same input gives the same bytes.
//
// The types here are written out rather than imported, so the package's index.d.ts stands alone
// (the model's own types are inferred from zod, which the bundle carries inside but does not
// publish); the checks at the end make the compiler hold them to the model's.
import { DOCUMENT_KINDS as KINDS, type DocumentKind as ModelKind } from '../model/document';
import { UI_LANGUAGES as LANGUAGES, type UiLanguage } from '../model/common';
import { loadNodeFonts } from '../documents/fonts-node';
import { kindSpec } from '../documents/kinds';
import { renderDocument as render } from '../documents/render';
import type { PdfFonts } from '../documents/layout';

export type DocumentKind = 'dpa' | 'subprocessors' | 'subprocessor-notice' | 'dsar-response' | 'register' | 'breach-notification' | 'breach-letter' | 'breach-register';
export type DocumentLanguage = 'en' | 'nl' | 'de' | 'it';

export const DOCUMENT_KINDS: readonly DocumentKind[] = KINDS;
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = LANGUAGES;

/** The four faces' TrueType bytes; by default the DejaVu Serif files that ship with the package. */
export interface DocumentFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

export interface RenderOptions {
  kind: DocumentKind;
  language: DocumentLanguage;
  /** The document's input as JSON data (`privacy-desk example <kind>`, `privacy-desk schema <kind>`). */
  input: unknown;
  fonts?: DocumentFonts;
}

export interface RenderedPdf {
  /** The PDF. */
  bytes: Uint8Array;
  pages: number;
  title: string;
  /** Which built-in template made it, e.g. "dpa@3". */
  templateVersion: string;
  /** SHA-256 (hex) of the validated input as canonical JSON (sorted keys). */
  inputSha256: string;
  /** SHA-256 (hex) of `bytes`. */
  outputSha256: string;
}

/**
 * Validates `input` against the kind's schema, fills the built-in template of `language` and lays
 * it out as PDF. Rejects with an error naming the field when the input is invalid (`name` is
 * "ValidationError"); nothing is returned unless every step succeeded.
 */
export async function renderDocument(options: RenderOptions): Promise<RenderedPdf> {
  const doc = await render({ kind: options.kind, language: options.language, input: options.input, fonts: options.fonts ?? (await loadNodeFonts()) });
  return { bytes: doc.bytes, pages: doc.pages, title: doc.title, templateVersion: doc.templateVersion, inputSha256: doc.inputSha256, outputSha256: doc.outputSha256 };
}

/** A complete, valid example input for a kind, to start from. */
export function exampleInput(kind: DocumentKind): unknown {
  return kindSpec(kind).sample();
}

// The written-out types are the model's: each line fails to compile if they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKinds: Same<DocumentKind, ModelKind> = true;
const sameLanguages: Same<DocumentLanguage, UiLanguage> = true;
const sameFonts: Same<DocumentFonts, PdfFonts> = true;
void [sameKinds, sameLanguages, sameFonts];
