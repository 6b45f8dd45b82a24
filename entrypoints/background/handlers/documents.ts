// Documents: rendering in the service worker with lib/documents, recording every generated
// document through the Store, custom templates (compiled only in the sandboxed page — the service
// worker cannot eval — and laid out here), and the subprocessor list documents are filled from.
import type { HandlersOf } from '../../../lib/messaging/server';
import type { DOCUMENTS_MESSAGES } from '../../../lib/messaging/messages/documents';
import type { HandlerContext } from './context';
import type { DocumentKind } from '../../../lib/model/document';
import type { UiLanguage } from '../../../lib/model/common';
import { ValidationError } from '../../../lib/model/errors';
import { renderDocument } from '../../../lib/documents/render';
import { kindSpec } from '../../../lib/documents/kinds';
import { parseDocumentInput } from '../../../lib/documents/inputs/common';
import type { SubprocessorListInput } from '../../../lib/documents/inputs/subprocessors';
import { canonicalJson, sha256Hex } from '../../../lib/documents/hash';
import { MarkupError, renderMarkdownToPdf } from '../../../lib/documents/layout';
import { TemplateError, TemplateFieldError } from '../../../lib/documents/runtime';
import {
  deleteSubprocessor,
  deleteTemplate,
  getTemplate,
  listDocuments,
  listTemplates,
  loadDocumentSources,
  readDocumentPdf,
  recordDocument,
  saveSubprocessor,
  saveTemplate,
  summariseListVersion,
  summariseTemplate,
} from '../../../lib/db/documents';
import { toBase64 } from '../../../lib/db/crypto/bytes';
import { buildDocumentInput } from '../documents/inputs';
import { loadExtensionFonts } from '../documents/fonts';
import { pagePreview } from '../documents/preview';

/** Template and markup problems are the user's to fix: reported as validation errors with their location. */
async function userFixable<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TemplateFieldError) throw new ValidationError(what, [error.field], error.message);
    if (error instanceof TemplateError || error instanceof MarkupError) throw new ValidationError(what, [], error.message);
    throw error;
  }
}

/** A subprocessor list publishes its version: later change notices compare with it. */
function publishedVersion(kind: DocumentKind, input: unknown) {
  if (kind !== 'subprocessors') return undefined;
  const { list } = input as SubprocessorListInput;
  return { version: list.version, date: list.date, subprocessors: list.subprocessors };
}

/** The custom template, checked to be meant for this kind and language. */
async function templateFor(ctx: HandlerContext, id: string, kind: DocumentKind, language: UiLanguage) {
  const template = await getTemplate(ctx.repos, id);
  if (template.kind !== kind || template.language !== language) {
    throw new ValidationError('The template', ['templateId'], `templateId: "${template.name}" is a template for ${template.kind} (${template.language}), not ${kind} (${language})`);
  }
  return template;
}

/**
 * Renders a built-in template with a validated input, records the document with the hashes of its input
 * and output, and returns it with its first page for a preview. Every generated document goes through here.
 */
export async function renderAndRecord(ctx: HandlerContext, kind: DocumentKind, language: UiLanguage, input: unknown) {
  const fonts = await loadExtensionFonts();
  const rendered = await userFixable('The template', () => renderDocument({ kind, language, input, fonts }));
  const document = await recordDocument(
    ctx.repos,
    await ctx.actor(),
    {
      kind,
      language,
      title: rendered.title,
      templateId: `builtin:${kind}/${language}`,
      templateVersion: rendered.templateVersion,
      inputSha256: rendered.inputSha256,
      outputSha256: rendered.outputSha256,
      pages: rendered.pages,
    },
    rendered.bytes,
    publishedVersion(kind, input),
  );
  return { document, pdf: toBase64(rendered.bytes), preview: await pagePreview(rendered.bytes) };
}

export function documentsHandlers(ctx: HandlerContext): HandlersOf<typeof DOCUMENTS_MESSAGES> {
  const { repos, actor } = ctx;

  return {
    'documents.sources': async () => {
      const [sources, templates] = await Promise.all([loadDocumentSources(repos), listTemplates(repos)]);
      return {
        organisation: sources.organisation ?? null,
        activities: sources.activities.map(({ id, name, role }) => ({ id, name, role })),
        subprocessors: sources.subprocessors,
        listVersions: sources.listVersions.map(summariseListVersion),
        templates: templates.map(summariseTemplate),
      };
    },

    'documents.generate': async ({ kind, language, fields }) => {
      const { input } = buildDocumentInput(kind, language, await loadDocumentSources(repos), fields);
      return renderAndRecord(ctx, kind, language, input);
    },

    'documents.prepare': async ({ kind, language, fields, templateId }) => {
      const template = await templateFor(ctx, templateId, kind, language);
      const { input } = buildDocumentInput(kind, language, await loadDocumentSources(repos), fields);
      return { input, view: kindSpec(kind).view(input, language), source: template.source, templateName: template.name };
    },

    'documents.layout': async ({ kind, language, templateId, input, markdown }) => {
      const template = await templateFor(ctx, templateId, kind, language);
      const spec = kindSpec(kind);
      // Validated and hashed here, not taken from the page: the record's input hash is ours.
      const parsed = parseDocumentInput(spec.input, input, `${kind} input`);
      const declared = (parsed as { language?: UiLanguage }).language;
      if (declared && declared !== language) throw new ValidationError(`${kind} input`, ['language'], `language: the input is meant for "${declared}" but "${language}" was requested`);
      const meta = spec.meta(parsed, language);
      const fonts = await loadExtensionFonts();
      const { bytes, pages } = await userFixable(`The template "${template.name}"`, () =>
        renderMarkdownToPdf(
          markdown,
          { title: meta.title, author: meta.author, subject: meta.subject, language, ...(meta.keywords ? { keywords: meta.keywords } : {}), date: meta.date },
          fonts,
        ),
      );
      const document = await recordDocument(
        repos,
        await actor(),
        {
          kind,
          language,
          title: meta.title,
          templateId: template.id,
          // The same form lib/documents/render.ts records for a custom template: its source's hash.
          templateVersion: `custom:${template.sha256.slice(0, 16)}`,
          inputSha256: await sha256Hex(canonicalJson(parsed)),
          outputSha256: await sha256Hex(bytes),
          pages,
        },
        bytes,
        publishedVersion(kind, parsed),
      );
      return { document, pdf: toBase64(bytes), preview: await pagePreview(bytes) };
    },

    'documents.sampleView': async ({ kind, language }) => {
      const spec = kindSpec(kind);
      return { view: spec.view(spec.sample(), language) };
    },

    'documents.history': async ({ limit }) => ({ documents: await listDocuments(repos, limit) }),

    'documents.download': async ({ id }) => {
      const kept = await readDocumentPdf(repos, await actor(), id);
      // A file that is not what was recorded may not even be a PDF: no preview then.
      const preview = kept.verified ? await pagePreview(kept.bytes) : null;
      return { document: kept.document, pdf: toBase64(kept.bytes), verified: kept.verified, actualSha256: kept.actualSha256, preview };
    },

    'templates.save': async (input) => summariseTemplate(await saveTemplate(repos, await actor(), input)),
    'templates.delete': async ({ id }) => {
      await deleteTemplate(repos, await actor(), id);
      return { id };
    },

    'subprocessors.save': async ({ id, subprocessor }) => saveSubprocessor(repos, await actor(), subprocessor, id),
    'subprocessors.delete': async ({ id }) => {
      await deleteSubprocessor(repos, await actor(), id);
      return { id };
    },
  };
}
