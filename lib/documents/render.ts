// The document pipeline: validate → view → template → Markdown → PDF, all-or-nothing.
// Pure: data in, bytes out. Runs in Node (CLI) and in the MV3 background service worker.
import type { DocumentKind } from '../model/document';
import type { DocumentMeta } from './kind';
import type { UiLanguage } from '../model/common';
import { ValidationError } from '../model/errors';
import { parseDocumentInput } from './inputs/common';
import { kindSpec } from './kinds';
import { renderMarkdownToPdf, type PdfFonts } from './layout';
import { hyphenatorFor } from './layout/hyphenation';
import { canonicalJson, sha256Hex } from './hash';
import { renderTemplate, type TemplateSpec } from './runtime';

export interface MarkdownRequest {
  kind: DocumentKind;
  language: UiLanguage;
  /** The input JSON as given; validated against the kind's schema before anything else. */
  input: unknown;
  /** A custom template (precompiled); by default the kind's built-in template for the language. */
  template?: TemplateSpec;
  /** The custom template's source, when known: lets a missing-field error name the full path. */
  templateSource?: string;
  /** Names the template in messages, e.g. the file name of a custom template. */
  templateName?: string;
}

export interface RenderRequest extends MarkdownRequest {
  fonts: PdfFonts;
}

export interface RenderedMarkdown {
  markdown: string;
  title: string;
  /** PDF metadata from the input (title, author, subject, date). */
  meta: DocumentMeta;
  templateVersion: string;
  /** SHA-256 of the canonical JSON (sorted keys) of the validated input. */
  inputSha256: string;
}

/** A custom template is recorded by the hash of its source: "custom:1a2b3c4d5e6f7a8b". */
async function customTemplateVersion(source: string | undefined): Promise<string> {
  return source === undefined ? 'custom' : `custom:${(await sha256Hex(source)).slice(0, 16)}`;
}

export interface RenderedDocument extends RenderedMarkdown {
  bytes: Uint8Array;
  pages: number;
  /** SHA-256 of `bytes`. */
  outputSha256: string;
}

/** Validates the input and fills the template; throws ValidationError / TemplateFieldError / TemplateError. */
export async function renderDocumentMarkdown(request: MarkdownRequest): Promise<RenderedMarkdown> {
  const spec = kindSpec(request.kind);
  const input = parseDocumentInput(spec.input, request.input, `${request.kind} input`);
  const declared = (input as { language?: UiLanguage }).language;
  if (declared && declared !== request.language) {
    throw new ValidationError(`${request.kind} input`, ['language'], `language: the input is meant for "${declared}" but "${request.language}" was requested`);
  }
  const view = spec.view(input, request.language);
  const custom = request.template !== undefined;
  const template = request.template ?? spec.templates[request.language];
  const markdown = renderTemplate(template, view, {
    ...(request.templateSource !== undefined ? { source: request.templateSource } : {}),
    name: request.templateName ?? (custom ? 'custom template' : `templates/${request.kind}/${request.language}.hbs`),
  });
  const meta = spec.meta(input, request.language);
  return {
    markdown,
    title: meta.title,
    meta,
    templateVersion: custom ? await customTemplateVersion(request.templateSource) : spec.templateVersion,
    inputSha256: await sha256Hex(canonicalJson(input)),
  };
}

/** The whole pipeline. Nothing is returned unless every step succeeded. */
export async function renderDocument(request: RenderRequest): Promise<RenderedDocument> {
  // Where hyphenation patterns load on demand (the CLI reads them from a file of their own), the
  // document language's start loading now, while the input is validated and the template filled.
  // (A failed load is reported where the layout awaits it; hyphenatorFor handles it here.)
  void hyphenatorFor(request.language);
  const rendered = await renderDocumentMarkdown(request);
  const { meta } = rendered;
  const { bytes, pages } = await renderMarkdownToPdf(
    rendered.markdown,
    {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      language: request.language,
      ...(meta.keywords ? { keywords: meta.keywords } : {}),
      date: meta.date,
    },
    request.fonts,
  );
  return { ...rendered, bytes, pages, outputSha256: await sha256Hex(bytes) };
}
