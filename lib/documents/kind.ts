// TemplateSpecification is the global interface handlebars' types declare for precompiled specs.
// What each document kind (DPA, subprocessor list, notice, DSAR letter, register report) provides
// to the render pipeline. One file per kind under lib/documents/kinds/.
import type { z } from 'zod';
import type { DocumentKind } from '../model/document';
import type { UiLanguage } from '../model/common';

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  /** ISO date or instant taken from the input: the PDF's creation/modification date (determinism). */
  date: string;
  keywords?: string[];
}

export interface DocumentKindSpec<I extends z.ZodType = z.ZodType> {
  readonly kind: DocumentKind;
  /**
   * Recorded with every generated document. For a kind built from a skeleton it is a hash of the
   * skeleton and its catalogues (build/skeleton.mjs), so any change of wording changes it.
   */
  readonly templateVersion: string;
  /** zod schema of the input JSON; the CLI's `schema` command prints it as JSON Schema. */
  readonly input: I;
  /** Built-in precompiled templates per language (composed from templates/<kind>/skeleton.hbs and <lang>.md). */
  readonly templates: Readonly<Record<UiLanguage, TemplateSpecification>>;
  /**
   * What the template sees: everything pre-formatted for the language (dates, numbers, country
   * names, article references), so templates need nothing but {{#each}}, {{#if}} and {{value}}.
   */
  view(input: z.infer<I>, lang: UiLanguage): Record<string, unknown>;
  meta(input: z.infer<I>, lang: UiLanguage): DocumentMeta;
  /** A complete, valid example input (templates/<kind>/sample.json), for `privacy-desk example`. */
  sample(): z.infer<I>;
}

type Composed = Pick<DocumentKindSpec, 'templates' | 'templateVersion'>;

/**
 * The templates and version a kind's `skeleton.hbs` import yields (templates/hbs.d.ts). Both are
 * undefined only if the file was loaded as a plain template, i.e. the build hook did not compose it.
 */
export function composed(kind: DocumentKind, templates: Composed['templates'] | undefined, templateVersion: string | undefined): Composed {
  if (!templates || !templateVersion) throw new Error(`templates/${kind}/skeleton.hbs was not composed with its catalogues (build/skeleton.mjs)`);
  return { templates, templateVersion };
}
