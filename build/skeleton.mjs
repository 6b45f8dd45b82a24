// Composes a kind's built-in templates from one skeleton and one clause catalogue per language
// (templates/README.md): templates/<kind>/skeleton.hbs + templates/<kind>/<lang>.md → one full
// Handlebars source per language, which build/hbs-module.mjs then precompiles as before.
//
// Everything here runs at build time (Vite plugin, Node hook, CLI bundle, tests). The composed
// source holds plain text where the skeleton had `{{section}}`, `{{clause}}`, `{{text}}` and the
// catalogue had `{{ref}}` / `{{refRange}}`, so the runtime (lib/documents/runtime.ts), the
// extension's sandbox page for custom templates and the CLI see ordinary templates and need no
// extra helper or partial.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { HBS_PRECOMPILE_OPTIONS, hbsModule } from './hbs-module.mjs';

/** The document languages, in the order their catalogues enter the version hash. */
export const LANGUAGES = ['en', 'nl', 'de', 'it'];

/** A skeleton or catalogue that cannot make a complete template; the message names kind, language and clause. */
export class SkeletonError extends Error {
  name = 'SkeletonError';
}

/** `## clause-id` on a line of its own starts an entry (ids: lower case, digits, `.` and `-`). */
const ENTRY = /^## ([a-z0-9][a-z0-9.-]*)[ \t]*$/;
/** Entries that hold the language's citation style rather than document text. */
const CITE = ['cite.one', 'cite.many', 'cite.range', 'cite.and'];

/**
 * Reads a catalogue: `## id` lines, each followed by its text up to the next `## id`. Blank lines
 * around a text are not part of it; anything before the first entry is a note for the reader.
 */
export function parseCatalogue(text, where) {
  const entries = new Map();
  let id;
  let lines = [];
  const flush = () => {
    if (id === undefined) return;
    const body = lines.join('\n').replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
    if (body.trim() === '') throw new SkeletonError(`${where}: clause "${id}" has no text`);
    entries.set(id, body);
  };
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const m = ENTRY.exec(line);
    if (!m) {
      lines.push(line);
      continue;
    }
    flush();
    if (entries.has(m[1])) throw new SkeletonError(`${where}: clause "${m[1]}" appears twice`);
    id = m[1];
    lines = [];
  }
  flush();
  return entries;
}

/** Every `{{…}}` of the skeleton that matters for structure: directives and block tags. */
const TOKEN = /\{\{(?:(section|clause|text) "([^"]*)"|(~?#|~?\/|~?\^)\s*([\w-]+)?[^}]*|~?(else)(?:\s+(if|unless)\b)?[^}]*)\}\}/g;

/**
 * Numbers the skeleton. Sections count 1, 2, 3 … and their clauses 1, 2, 3 … in skeleton order,
 * fixed at build time. Alternatives of one clause are written as the branches of one
 * `{{#if}} … {{else if}} … {{else}} … {{/if}}`: every branch numbers from the same point. A clause
 * that can be left out entirely (a branch with fewer clauses, or `{{#if}}` without `{{else}}`) is
 * allowed only where nothing numbered follows it in its section, so an omitted clause never leaves
 * a gap; anything else fails the build.
 */
function numberSkeleton(skeleton, where) {
  const numbered = new Map(); // id → { number, path, kind }
  const uses = []; // { kind, id, path, index, length }
  const stack = []; // open blocks: { helper, start, counts, hasElse, id, branch }
  let section = 0;
  let sectionId;
  let clause = 0;
  let optional; // the clause that may be left out, when one was in this section
  let optionalSection; // the section that may be left out (it must be the last)
  let blocks = 0;
  const path = () => stack.map((b) => `${b.id}.${b.branch}`);
  for (const m of skeleton.matchAll(TOKEN)) {
    const [, directive, id, sigil, helper, isElse] = m;
    if (directive) {
      if (directive !== 'text' && stack.some((b) => b.helper === 'each' || b.helper === 'with')) {
        throw new SkeletonError(`${where}: ${directive} "${id}" is inside {{#each}} or {{#with}}, where it cannot have one number`);
      }
      if (directive === 'section') {
        if (optionalSection) {
          throw new SkeletonError(`${where}: section "${id}" follows section "${optionalSection}", which can be left out; its number would then skip one. Only the last section may be conditional`);
        }
        if (stack.length) optionalSection = id;
        section += 1;
        sectionId = id;
        clause = 0;
        optional = undefined;
        numbered.set(id, { number: String(section), path: path(), kind: 'section' });
      } else if (directive === 'clause') {
        if (!sectionId) throw new SkeletonError(`${where}: clause "${id}" comes before the first section`);
        if (optional) {
          throw new SkeletonError(`${where}: clause "${id}" follows clause "${optional}", which can be left out; its number would then skip one. Give every branch the same number of clauses or move the optional clause to the end of section "${sectionId}"`);
        }
        clause += 1;
        if (numbered.has(id)) throw new SkeletonError(`${where}: clause "${id}" appears twice`);
        numbered.set(id, { number: `${section}.${clause}`, path: path(), kind: 'clause' });
      }
      uses.push({ kind: directive, id, path: path(), index: m.index, length: m[0].length });
      continue;
    }
    if (sigil && sigil.endsWith('#')) {
      stack.push({ helper, start: clause, counts: [], hasElse: false, id: blocks++, branch: 0 });
    } else if (isElse || (sigil && sigil.endsWith('^') && !helper)) {
      const block = stack[stack.length - 1];
      if (!block) throw new SkeletonError(`${where}: {{else}} outside a block`);
      block.counts.push(clause);
      clause = block.start;
      block.branch += 1;
      if (!m[6]) block.hasElse = true;
    } else if (sigil && sigil.endsWith('/')) {
      const block = stack.pop();
      if (!block) throw new SkeletonError(`${where}: {{/${helper}}} closes no block`);
      block.counts.push(clause);
      if (!block.hasElse) block.counts.push(block.start);
      clause = Math.max(...block.counts);
      if (new Set(block.counts).size > 1 && !optional) {
        optional = [...numbered.entries()].reverse().find(([, v]) => v.kind === 'clause')?.[0] ?? `${sectionId}`;
      }
    } else if (sigil && sigil.endsWith('^')) {
      stack.push({ helper, start: clause, counts: [], hasElse: false, id: blocks++, branch: 0 });
    }
  }
  if (stack.length) throw new SkeletonError(`${where}: {{#${stack[stack.length - 1].helper}}} is never closed`);
  const both = uses.find((u) => u.kind === 'text' && numbered.has(u.id));
  if (both) throw new SkeletonError(`${where}: "${both.id}" is used both as a numbered ${numbered.get(both.id).kind} and as text`);
  return { numbered, uses };
}

const REF = /\{\{(ref|refRange)((?:\s+"[^"]*")+)\s*\}\}/g;
const ANY_REF = /\{\{~?\s*(ref|refRange)\b[^}]*\}\}/;

/**
 * Replaces `{{ref "a"}}` (→ "clause 8"), `{{ref "a" "b" "c"}}` (→ "clauses 9, 10 and 12") and
 * `{{refRange "a" "b"}}` (→ "clauses 5 to 14") with the numbers in the language's citation style.
 * A reference to a clause that is not always printed where the reference is fails the build.
 */
function resolveRefs(body, ctx) {
  const out = body.replace(REF, (_all, helper, args) => {
    const ids = [...args.matchAll(/"([^"]*)"/g)].map((a) => a[1]);
    const numbers = ids.map((id) => {
      const target = ctx.numbered.get(id);
      if (!target) throw new SkeletonError(`${ctx.where}: clause "${ctx.id}" refers to "${id}", which the skeleton does not have`);
      const always = target.path.every((step, i) => ctx.path[i] === step);
      if (!always) {
        throw new SkeletonError(`${ctx.where}: clause "${ctx.id}" refers to "${id}", which a condition can leave out of the document; refer to it only from inside the same condition`);
      }
      return target.number;
    });
    const cite = (name, values) => {
      const pattern = ctx.catalogue.get(name);
      if (pattern === undefined) throw new SkeletonError(`${ctx.where}: clause "${ctx.id}" uses {{${helper}}} but the catalogue has no "${name}"`);
      return pattern.replace(/\{(\w+)\}/g, (_m, key) => {
        if (!(key in values)) throw new SkeletonError(`${ctx.where}: "${name}" uses {${key}}, which is not one of ${Object.keys(values).map((k) => `{${k}}`).join(', ')}`);
        return values[key];
      });
    };
    if (helper === 'refRange') {
      if (numbers.length !== 2) throw new SkeletonError(`${ctx.where}: clause "${ctx.id}": {{refRange}} takes the first and the last clause`);
      return cite('cite.range', { from: numbers[0], to: numbers[1] });
    }
    if (numbers.length === 1) return cite('cite.one', { n: numbers[0] });
    const and = cite('cite.and', {});
    return cite('cite.many', { list: `${numbers.slice(0, -1).join(', ')} ${and} ${numbers[numbers.length - 1]}` });
  });
  const left = ANY_REF.exec(out);
  if (left) throw new SkeletonError(`${ctx.where}: clause "${ctx.id}" has a malformed reference ${left[0]}`);
  return out;
}

/**
 * Composes one kind. `files` are the skeleton and catalogue texts by name, so tests can compose
 * altered copies; `load()` reads them from templates/<kind>/.
 */
export function composeKind(kind, files) {
  const where = `templates/${kind}/skeleton.hbs`;
  const { numbered, uses } = numberSkeleton(files.skeleton, where);
  const used = new Set(uses.map((u) => u.id));
  const stray = ANY_REF.exec(files.skeleton);
  if (stray) throw new SkeletonError(`${where}: references belong in the catalogues, not the skeleton: ${stray[0]}`);
  const sources = {};
  for (const lang of LANGUAGES) {
    const file = `templates/${kind}/${lang}.md`;
    const text = files.catalogues[lang];
    if (text === undefined) throw new SkeletonError(`${file}: the ${lang} catalogue of ${kind} is missing`);
    const catalogue = parseCatalogue(text, file);
    for (const id of used) {
      if (!catalogue.has(id)) throw new SkeletonError(`${file}: ${kind} in ${lang} has no text for clause "${id}"`);
    }
    for (const id of catalogue.keys()) {
      if (!used.has(id) && !CITE.includes(id)) throw new SkeletonError(`${file}: ${kind} in ${lang} has text for clause "${id}", which the skeleton does not use`);
    }
    let out = '';
    let at = 0;
    for (const use of uses) {
      const body = resolveRefs(catalogue.get(use.id), { where: file, id: use.id, path: use.path, numbered, catalogue });
      const number = numbered.get(use.id)?.number;
      out += files.skeleton.slice(at, use.index) + (use.kind === 'text' ? body : use.kind === 'section' ? `${number}. ${body}` : `${number} ${body}`);
      at = use.index + use.length;
    }
    out += files.skeleton.slice(at);
    sources[lang] = out;
  }
  return { sources, templateVersion: versionOf(files), numbers: Object.fromEntries([...numbered].map(([id, v]) => [id, v.number])) };
}

/** The version recorded with every document: a hash of exactly the files the templates are made of. */
export function versionOf(files) {
  const hash = createHash('sha256');
  hash.update(`skeleton.hbs\0${files.skeleton}\0`);
  for (const lang of LANGUAGES) hash.update(`${lang}.md\0${files.catalogues[lang] ?? ''}\0`);
  return hash.digest('hex').slice(0, 16);
}

/** Whether a `.hbs` path is a kind's skeleton (composed) rather than a template of its own. */
export const isSkeleton = (path) => basename(path) === 'skeleton.hbs';

/** Reads templates/<kind>/skeleton.hbs and its catalogues; `files` lists them for watch mode. */
export function loadKind(skeletonPath) {
  const dir = dirname(skeletonPath);
  const kind = basename(dir);
  const catalogues = {};
  const paths = [skeletonPath];
  for (const lang of LANGUAGES) {
    const path = join(dir, `${lang}.md`);
    paths.push(path);
    try {
      catalogues[lang] = readFileSync(path, 'utf8');
    } catch {
      throw new SkeletonError(`templates/${kind}/${lang}.md: the ${lang} catalogue of ${kind} is missing (${relative(process.cwd(), path)})`);
    }
  }
  return { kind, files: { skeleton: readFileSync(skeletonPath, 'utf8'), catalogues }, paths };
}

/**
 * A kind's skeleton (templates/README.md): composed with its four catalogues into one template
 * per language, each precompiled here. `files` are the catalogues the module depends on, for
 * watch mode. Throws SkeletonError (naming kind, language and clause) when anything is missing.
 */
export function skeletonModule(path) {
  const { kind, files, paths } = loadKind(path);
  const { sources, templateVersion } = composeKind(kind, files);
  const specs = LANGUAGES.map((lang) => `  ${lang}: ${Handlebars.precompile(sources[lang], HBS_PRECOMPILE_OPTIONS)},`).join('\n');
  const code =
    `export const templates = {\n${specs}\n};\n` +
    `export const templateVersion = ${JSON.stringify(templateVersion)};\n` +
    `export const source = undefined;\nexport default undefined;\n`;
  return { code, files: paths };
}

/** The module for any `.hbs` file: a kind's skeleton, or a template of its own. */
export function hbsModuleFor(path, source) {
  return isSkeleton(path) ? skeletonModule(path) : { code: hbsModule(source), files: [path] };
}
