// `privacy-desk render --template my.hbs`: a user's Handlebars template, compiled in the CLI.
import Handlebars from 'handlebars';
import { HBS_PRECOMPILE_OPTIONS } from '../../../build/hbs-module.mjs';
import { TemplateError, type TemplateSpec } from '../../documents/runtime';

/**
 * A user's template, compiled in the CLI only: Node has no Content-Security-Policy, so the
 * precompiled spec may be evaluated here (in the extension this happens in the sandbox page).
 * Same options as the built-in templates, so a missing field fails the same way.
 */
export function compileCustomTemplate(source: string, name: string): TemplateSpec {
  let code: string;
  try {
    code = Handlebars.precompile(source, HBS_PRECOMPILE_OPTIONS) as unknown as string;
  } catch (error) {
    throw new TemplateError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new Function(`return ${code};`)() as TemplateSpec;
}
