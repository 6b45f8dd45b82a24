// Documents messages: generating DPAs, subprocessor lists, notices, response letters and
// register reports as PDF in the background, their history, custom templates and the subprocessor list
// they are filled from. All come from the extension's own pages (the documents page).
//
// Per-document fields travel as `unknown` and are validated by the background's input mapping
// (entrypoints/background/documents/inputs.ts), so a bad field comes back as a `validation` error
// that names it, like register.save does.
import { z } from 'zod';
import { Actor, Id, Instant, LocalDate, Sha256Hex, ShortText, UiLanguage } from '../../model/common';
import { DocumentKind, GeneratedDocument } from '../../model/document';
import { OrganisationProfile } from '../../model/organisation';
import { Subprocessor } from '../../model/subprocessor';
import { SubprocessorEntry } from '../../documents/inputs/common';
import { PAGES, def } from '../define';

/** Largest custom template source accepted (a DPA template is about 30 kB). */
export const MAX_TEMPLATE_CHARS = 500_000;

/** A template Legal uploaded: compiled only in the sandboxed page, stored by the hash of its source. */
export const CustomTemplateSummary = z.object({
  id: Id,
  kind: DocumentKind,
  language: UiLanguage,
  name: ShortText,
  sha256: Sha256Hex,
  chars: z.number().int().min(0),
  createdAt: Instant,
  createdBy: Actor,
});
export type CustomTemplateSummary = z.infer<typeof CustomTemplateSummary>;

/** A custom template as stored (settings table, lib/db/documents.ts). */
export const CustomTemplate = CustomTemplateSummary.extend({ source: z.string().min(1).max(MAX_TEMPLATE_CHARS) });
export type CustomTemplate = z.infer<typeof CustomTemplate>;

/** A published version of the subprocessor list (kept when a list is generated): what a notice compares with. */
export const ListVersionSummary = z.object({ id: Id, version: ShortText, date: LocalDate, count: z.number().int().min(0), createdAt: Instant });
export type ListVersionSummary = z.infer<typeof ListVersionSummary>;

/** A published version as stored: the entries exactly as the generated list printed them. */
export const SubprocessorListSnapshot = ListVersionSummary.omit({ count: true }).extend({
  subprocessors: z.array(SubprocessorEntry).max(2000),
  /** The generated list document that published this version. */
  documentId: Id,
});
export type SubprocessorListSnapshot = z.infer<typeof SubprocessorListSnapshot>;

const Num = z.number().finite();
export const PreviewFontStyle = z.enum(['regular', 'bold', 'italic', 'boldItalic']);

/** Page 1 of a PDF as drawing operations in PDF points (origin bottom left), for a canvas preview. */
export const PagePreview = z.object({
  width: Num,
  height: Num,
  ops: z.array(
    z.discriminatedUnion('op', [
      z.object({ op: z.literal('rect'), x: Num, y: Num, w: Num, h: Num, gray: Num }),
      z.object({ op: z.literal('line'), points: z.array(Num), width: Num, gray: Num, dash: z.array(Num) }),
      z.object({ op: z.literal('text'), x: Num, y: Num, size: Num, gray: Num, style: PreviewFontStyle, text: z.string() }),
    ]),
  ),
});
export type PagePreview = z.infer<typeof PagePreview>;
export type PreviewOp = PagePreview['ops'][number];

/** A generated (or re-read) PDF: the record, the bytes as base64 (messages are JSON) and page 1. */
export const DocumentPdf = z.object({ document: GeneratedDocument, pdf: z.string(), preview: PagePreview });
export type DocumentPdf = z.infer<typeof DocumentPdf>;

/** What a custom template's error says, from the sandbox: where and which field. */
export const TemplateProblem = z.object({
  kind: z.enum(['compile', 'field', 'template', 'sandbox']),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  field: z.string().optional(),
});
export type TemplateProblem = z.infer<typeof TemplateProblem>;

const Generate = { kind: DocumentKind, language: UiLanguage, fields: z.unknown() };

export const DOCUMENTS_MESSAGES = {
  /** Everything the documents page builds its form from. */
  'documents.sources': def(
    PAGES,
    z.object({}),
    z.object({
      organisation: OrganisationProfile.nullable(),
      activities: z.array(z.object({ id: Id, name: z.string(), role: z.enum(['controller', 'processor']) })),
      subprocessors: z.array(Subprocessor),
      listVersions: z.array(ListVersionSummary),
      templates: z.array(CustomTemplateSummary),
    }),
  ),
  /** Built-in template: input from the stored records + fields, rendered, recorded, returned. */
  'documents.generate': def(PAGES, z.object(Generate), DocumentPdf),
  /** Custom template, step 1: the validated input, the view the template sees, and the template source. */
  'documents.prepare': def(
    PAGES,
    z.object({ ...Generate, templateId: Id }),
    z.object({ input: z.unknown(), view: z.record(z.string(), z.unknown()), source: z.string(), templateName: z.string() }),
  ),
  /** Custom template, step 3 (step 2 is the sandbox): lays out the Markdown and records the document. */
  'documents.layout': def(
    PAGES,
    z.object({ kind: DocumentKind, language: UiLanguage, templateId: Id, input: z.unknown(), markdown: z.string().min(1).max(5_000_000) }),
    DocumentPdf,
  ),
  /** The kind's sample data as a template sees it: a new template is test-rendered with it before it is stored. */
  'documents.sampleView': def(PAGES, z.object({ kind: DocumentKind, language: UiLanguage }), z.object({ view: z.record(z.string(), z.unknown()) })),
  'documents.history': def(PAGES, z.object({ limit: z.number().int().min(1).max(1000).default(200) }), z.object({ documents: z.array(GeneratedDocument) })),
  /** Re-reads a kept PDF and checks it against the SHA-256 recorded when it was generated. */
  'documents.download': def(
    PAGES,
    z.object({ id: Id }),
    z.object({ document: GeneratedDocument, pdf: z.string(), verified: z.boolean(), actualSha256: Sha256Hex, preview: PagePreview.nullable() }),
  ),

  'templates.save': def(
    PAGES,
    z.object({ kind: DocumentKind, language: UiLanguage, name: z.string().trim().min(1).max(200), source: z.string().min(1).max(MAX_TEMPLATE_CHARS) }),
    CustomTemplateSummary,
  ),
  'templates.delete': def(PAGES, z.object({ id: Id }), z.object({ id: Id })),

  /** `subprocessor` is validated by the db layer, so a bad field comes back as a `validation` error naming it. */
  'subprocessors.save': def(PAGES, z.object({ id: Id.optional(), subprocessor: z.unknown() }), Subprocessor),
  'subprocessors.delete': def(PAGES, z.object({ id: Id }), z.object({ id: Id })),
} as const;
