// The Handlebars runtime documents are rendered with: precompiled specs only (no eval, MV3 CSP),
// `{{value}}` escaped for Markdown instead of HTML, and errors that name the field.
//
// Why the escaping is done per template, not per environment: Handlebars' runtime builds one
// `container` per `template()` call and sets `container.escapeExpression = Utils.escapeExpression`,
// the module-global HTML escaper; `env.escapeExpression` is never consulted. Overwriting
// `Utils.escapeExpression` would change every other Handlebars user in the same bundle. Instead we
// wrap the spec's `main`: it receives that per-template container as its first argument, and
// every compiled program reads `container.escapeExpression` when it runs, so setting it there
// is local to templates rendered through this module.
import Handlebars from 'handlebars/runtime';
import { escapeMarkdown } from './markdown-escape';

/** A precompiled Handlebars template: what a `*.hbs` import yields (see build/hbs-module.mjs). */
export type TemplateSpec = TemplateSpecification;

/** A template referenced a field the data does not have (strict mode), or printed a non-text value. */
export class TemplateFieldError extends Error {
  override readonly name = 'TemplateFieldError';
  constructor(
    /** The field as written in the template, e.g. `processor.legalName`, or the last path segment. */
    readonly field: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    detail: string,
  ) {
    super(detail);
  }
}

/** Any other template failure: unknown helper, malformed spec, a helper that threw. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Our own environment: built-in helpers only (views pre-format everything), no partials. */
const env = Handlebars.create();

interface Loc {
  start: { line: number; column: number };
}

/** Internal: a block helper (`{{#each x}}`, `{{#if x}}`) got a field the data does not have. */
class MissingBlockFieldError extends Error {
  constructor(
    readonly helper: string,
    readonly loc: Loc | undefined,
  ) {
    super(helper);
  }
}

/**
 * Strict mode only checks `{{value}}`; a misspelt `{{#each subprocesors}}` would silently print
 * an empty table. Views never hold `undefined` (absent things are `null`, `false` or `[]`), so the
 * block helpers treat an undefined argument as a missing field.
 */
for (const name of ['if', 'unless', 'each', 'with'] as const) {
  const builtin = env.helpers[name] as (...args: unknown[]) => unknown;
  env.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as { name?: string; loc?: Loc; fn?: (context: unknown, o?: unknown) => string };
    if (args.length >= 2 && args[0] === undefined) throw new MissingBlockFieldError(options.name ?? name, options.loc);
    if (budget && name === 'each' && options.fn) options.fn = metered(options.fn, budget);
    return builtin.apply(this, args);
  });
}

/** Bounds on what one render of an untrusted (custom) template may do. */
export interface RenderLimits {
  /** {{#each}} bodies rendered, nested loops counted per inner body. */
  iterations: number;
  /** Characters of output; loop bodies are counted as they are produced (nested ones more than once: an upper bound). */
  outputChars: number;
}

/** The running render's budget. Rendering is synchronous, so one module-level slot is enough. */
let budget: { limits: RenderLimits; iterations: number; chars: number; where: string } | undefined;

/**
 * Counts every loop body against the budget and stops the render as soon as it is spent: nested
 * {{#each}} over a long list would otherwise build gigabytes before any check on the final text.
 */
function metered(fn: (context: unknown, o?: unknown) => string, b: NonNullable<typeof budget>): (context: unknown, o?: unknown) => string {
  return (context, o) => {
    if (++b.iterations > b.limits.iterations) throw new TemplateError(`${b.where} repeats its loops more than ${b.limits.iterations} times`);
    const out = fn(context, o);
    b.chars += out.length;
    if (b.chars > b.limits.outputChars) throw new TemplateError(`${b.where} writes more than ${b.limits.outputChars} characters`);
    return out;
  };
}

/** Internal: `{{a.b}}` where `a` itself is missing (strict mode reports only the last segment). */
class MissingParentError extends Error {
  constructor(readonly segment: string) {
    super(segment);
  }
}

interface Container {
  escapeExpression: (value: unknown) => string;
  lookupProperty: (parent: unknown, name: string) => unknown;
}

interface CompiledSpec {
  main: (container: Container, ...rest: unknown[]) => string;
  [key: string]: unknown;
}

/**
 * What `{{value}}` prints. Views give strings, numbers and booleans; a list or object printed
 * as text ("[object Object]", "a,b") would be a silently wrong document, so it is an error.
 */
function escapeValue(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return escapeMarkdown(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return escapeMarkdown(String(value));
  throw new PrintedObjectError(Array.isArray(value) ? 'a list' : 'an object');
}

/** Internal: thrown by escapeValue, turned into a TemplateFieldError with the location by renderTemplate. */
class PrintedObjectError extends Error {}

function isCompiledSpec(spec: unknown): spec is CompiledSpec {
  return typeof spec === 'object' && spec !== null && typeof (spec as { main?: unknown }).main === 'function';
}

const compiled = new WeakMap<object, HandlebarsTemplateDelegate>();
const localised = new WeakSet<Container>();

/** Makes a template's container ours: Markdown escaping, and a named error for a missing parent object. */
function localise(container: Container): void {
  container.escapeExpression = escapeValue;
  if (localised.has(container)) return;
  localised.add(container);
  const lookupProperty = container.lookupProperty;
  container.lookupProperty = (parent, name) => {
    if (parent == null) throw new MissingParentError(name);
    return lookupProperty(parent, name);
  };
}

function compile(spec: TemplateSpec): HandlebarsTemplateDelegate {
  const cached = compiled.get(spec);
  if (cached) return cached;
  if (!isCompiledSpec(spec)) throw new TemplateError('not a precompiled Handlebars template');
  const main = spec.main;
  // A copy: the runtime mutates `main.decorator`, and the original spec object stays untouched.
  const local: CompiledSpec = {
    ...spec,
    main(this: unknown, container, ...rest) {
      localise(container);
      return main.call(this, container, ...rest);
    },
  };
  const template = env.template(local as unknown as TemplateSpecification);
  compiled.set(spec, template);
  return template;
}

/** `"name" not defined in [object Object] - 3:18` → field `name`, line 3, column 18. */
const STRICT_MESSAGE = /^"([^"]+)" not defined in (.*?)(?: - (\d+):(\d+))?$/s;
const LOCATION_SUFFIX = / - (\d+):(\d+)$/;

interface HandlebarsException {
  message: string;
  lineNumber?: number;
  column?: number;
}

/**
 * The full dotted path the template wrote at a location, read from the template source when we
 * have it: strict mode only reports the last segment (`legalName`), the source says
 * `processor.legalName`.
 */
function expressionAt(source: string | undefined, line: number | undefined, column: number | undefined, lastSegment: string): string {
  if (!source || !line || column === undefined) return lastSegment;
  const text = source.split('\n')[line - 1];
  if (!text) return lastSegment;
  // The location points at the start of the path expression (`processor.legalName`).
  let end = column;
  while (end < text.length && /[\w.\/@-]/.test(text[end]!)) end++;
  const path = text.slice(column, end);
  return path === lastSegment || path.endsWith(`.${lastSegment}`) || path.endsWith(`/${lastSegment}`) ? path : lastSegment;
}

/** Whether the mustache at a location passes arguments to its path (`{{shout name}}`): a helper call. */
function callsHelper(source: string | undefined, line: number | undefined, column: number | undefined, path: string): boolean {
  if (!source || !line || column === undefined) return false;
  const rest = source.split('\n')[line - 1]?.slice(column + path.length) ?? '';
  return /^\s+[^\s}~]/.test(rest);
}

/** `{{#each subprocessors}}` at a location → `subprocessors`. */
function blockArgumentAt(source: string | undefined, line: number | undefined, column: number | undefined): string | undefined {
  if (!source || !line || column === undefined) return undefined;
  const text = source.split('\n')[line - 1]?.slice(column);
  return text ? /^\{\{~?[#^]\s*[\w-]+\s+([\w.\/@-]+)/.exec(text)?.[1] : undefined;
}

/** The first path in the source that reads `segment` from an object: `{{a.b}}`, segment `b` → `a`. */
function parentPathOf(source: string | undefined, segment: string): string | undefined {
  if (!source) return undefined;
  const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`([\\w@-][\\w.\\/@-]*)\\.${escaped}(?![\\w-])`).exec(source)?.[1];
}

export interface RenderTemplateOptions {
  /** The template's source text, when known: lets errors name the full field path. */
  source?: string;
  /** What the template is, for messages: `templates/dpa/de.hbs`, `custom template`. */
  name?: string;
  /** Bounds for a template nobody reviewed (a user's custom template). */
  limits?: RenderLimits;
}

/**
 * Renders a precompiled template with a view to Markdown. All-or-nothing: a missing field, an
 * unknown helper or a helper failure throws and no partial text is returned.
 */
export function renderTemplate(spec: TemplateSpec, view: object, options: RenderTemplateOptions = {}): string {
  const where = options.name ?? 'template';
  const template = compile(spec);
  budget = options.limits ? { limits: options.limits, iterations: 0, chars: 0, where } : undefined;
  try {
    const out = template(view, { allowCallsToHelperMissing: false });
    if (options.limits && out.length > options.limits.outputChars) throw new TemplateError(`${where} writes more than ${options.limits.outputChars} characters`);
    return out;
  } catch (error) {
    if (error instanceof TemplateFieldError || error instanceof TemplateError) throw error;
    if (!(error instanceof Error)) throw new TemplateError(`${where}: ${String(error)}`);
    const exception = error as Error & HandlebarsException;
    const strict = STRICT_MESSAGE.exec(exception.message);
    if (strict) {
      const line = exception.lineNumber ?? (strict[3] ? Number(strict[3]) : undefined);
      const column = exception.column ?? (strict[4] ? Number(strict[4]) : undefined);
      const at = line ? ` (line ${line}, column ${(column ?? 0) + 1})` : '';
      const path = expressionAt(options.source, line, column, strict[1]!);
      if (callsHelper(options.source, line, column, path)) {
        throw new TemplateError(`${where} calls the helper "${path}"${at}, which does not exist; views pre-format every value, so templates need only {{#each}}, {{#if}}, {{#unless}} and {{#with}}`, line, column);
      }
      // `"legalName" not defined in undefined`: the object holding it is what is missing.
      const parentMissing = strict[2] === 'undefined' || strict[2] === 'null';
      const segments = path.split('.');
      const field = parentMissing && segments.length > 1 ? segments.slice(0, -1).join('.') : path;
      const detail = parentMissing && segments.length > 1 ? ` (needed for "${path}")` : '';
      throw new TemplateFieldError(field, line, column, `${where} uses the field "${field}"${detail}${at}, which the data does not have`);
    }
    if (error instanceof MissingBlockFieldError) {
      const line = error.loc?.start.line;
      const column = error.loc?.start.column;
      const field = blockArgumentAt(options.source, line, column) ?? `(argument of {{#${error.helper}}})`;
      const at = line ? ` (line ${line}, column ${(column ?? 0) + 1})` : '';
      throw new TemplateFieldError(field, line, column, `${where} uses the field "${field}" in {{#${error.helper}}}${at}, which the data does not have`);
    }
    if (error instanceof MissingParentError) {
      const field = parentPathOf(options.source, error.segment) ?? `(the object holding "${error.segment}")`;
      throw new TemplateFieldError(field, undefined, undefined, `${where} uses the field "${field}", which the data does not have`);
    }
    if (error instanceof PrintedObjectError) {
      throw new TemplateFieldError('(value)', undefined, undefined, `${where} prints ${error.message} as text; use {{#each}} or a pre-formatted field`);
    }
    const location = LOCATION_SUFFIX.exec(exception.message);
    const line = exception.lineNumber ?? (location ? Number(location[1]) : undefined);
    const column = exception.column ?? (location ? Number(location[2]) : undefined);
    throw new TemplateError(`${where}: ${exception.message}`, line, column);
  } finally {
    budget = undefined;
  }
}
