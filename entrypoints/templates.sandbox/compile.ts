// Compiles and renders a user's template: the only code in the extension that evaluates generated
// JavaScript, so it runs only in this sandboxed page (manifest `sandbox.pages`, whose CSP alone allows
// 'unsafe-eval'). The same precompile options as the built-in templates (strict mode:
// a missing field throws with its name and location) and the same runtime, so `{{value}}` is escaped
// for Markdown by lib/documents/runtime.ts exactly as in built-in templates, and errors name the field.
import Handlebars from 'handlebars';
import { HBS_PRECOMPILE_OPTIONS } from '../../build/hbs-module.mjs';
import { renderTemplate, TemplateError, TemplateFieldError, type TemplateSpec } from '../../lib/documents/runtime';
import type { TemplateProblem } from '../../lib/messaging/messages/documents';
import { errorText } from '../shared/error-text';

/** `Parse error on line 5:` — Handlebars' parser names only the line. */
const PARSE_LINE = /^Parse error on line (\d+):/;

export function compileTemplate(source: string, name: string): TemplateSpec {
  let code: string;
  try {
    code = Handlebars.precompile(source, HBS_PRECOMPILE_OPTIONS) as unknown as string;
  } catch (error) {
    const e = error as Error & { lineNumber?: number; column?: number };
    const line = e.lineNumber ?? (PARSE_LINE.exec(e.message)?.[1] ? Number(PARSE_LINE.exec(e.message)![1]) : undefined);
    throw new TemplateError(`${name} does not compile${line ? ` (line ${line}${e.column !== undefined ? `, column ${e.column + 1}` : ''})` : ''}: ${e.message}`, line, e.column);
  }
  // The precompiled spec is an object literal: evaluating it is what needs 'unsafe-eval'.
  return new Function(`return ${code};`)() as TemplateSpec;
}

/**
 * A custom template's bounds: far above a 500-subprocessor DPA (a few hundred loop bodies, well under a
 * megabyte of Markdown), far below what would stall the documents page.
 */
export const CUSTOM_TEMPLATE_LIMITS = { iterations: 100_000, outputChars: 5_000_000 } as const;

export type RenderResult = { ok: true; markdown: string } | { ok: false; problem: TemplateProblem };

export function renderCustomTemplate(source: string, view: object, name: string): RenderResult {
  let spec: TemplateSpec;
  try {
    spec = compileTemplate(source, name);
  } catch (error) {
    return { ok: false, problem: problemOf(error, 'compile') };
  }
  try {
    return { ok: true, markdown: renderTemplate(spec, view, { source, name, limits: CUSTOM_TEMPLATE_LIMITS }) };
  } catch (error) {
    return { ok: false, problem: problemOf(error, 'template') };
  }
}

function problemOf(error: unknown, stage: 'compile' | 'template'): TemplateProblem {
  const where = (line: number | undefined, column: number | undefined) => ({
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column: column + 1 } : {}),
  });
  if (error instanceof TemplateFieldError) return { kind: 'field', message: error.message, field: error.field, ...where(error.line, error.column) };
  if (error instanceof TemplateError) return { kind: stage, message: error.message, ...where(error.line, error.column) };
  return { kind: stage, message: errorText(error) };
}
