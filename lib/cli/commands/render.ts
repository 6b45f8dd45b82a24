// `privacy-desk render <kind>`: one document from a JSON input file, as PDF. Same pipeline as the
// extension (lib/documents/render.ts); only reading files, fonts and custom templates is Node's.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UI_LANGUAGES, type UiLanguage } from '../../model/common';
import { DOCUMENT_KINDS, type DocumentKind } from '../../model/document';
import { loadNodeFonts } from '../../documents/fonts-node';
import { renderDocument } from '../../documents/render';
import type { TemplateSpec } from '../../documents/runtime';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { documentKindArg } from './kind-arg';

const USAGE = `usage: privacy-desk render <kind> --data <file.json> --lang <language> --out <file.pdf> [--template <file.hbs>]

  <kind>                 ${DOCUMENT_KINDS.join(', ')}
  --data <file.json>     the document's input (see \`privacy-desk example <kind>\`, \`privacy-desk schema <kind>\`); - reads stdin
  --lang <language>      ${UI_LANGUAGES.join(', ')}
  --out <file.pdf>       where to write the PDF; nothing is written unless rendering succeeds
  --template <file.hbs>  your own Handlebars template instead of the built-in one
  -h, --help             show this help

Prints {out, kind, language, title, templateVersion, pages, bytes, inputSha256, outputSha256} as JSON.
`;

async function readText(file: string, io: CliIO, what: string): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Writes next to the target and renames, so a reader never sees a half-written PDF. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        template: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const kind = documentKindArg(positionals, USAGE);
  const missing = (['data', 'lang', 'out'] as const).filter((name) => values[name] === undefined).map((name) => `--${name}`);
  if (missing.length) throw new UsageError(`missing ${missing.join(', ')}\n${USAGE}`);
  const language = values.lang!;
  if (!(UI_LANGUAGES as readonly string[]).includes(language)) {
    throw new UsageError(`--lang must be one of ${UI_LANGUAGES.join(', ')}, not "${language}"`);
  }

  // The font files are read while the input is read and checked. An error reading them is reported
  // where they are awaited below, or not at all when the input or the custom template fails first.
  const fonts = loadNodeFonts();
  fonts.catch(() => undefined);
  const dataFile = values.data!;
  const text = await readText(dataFile, io, 'input');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new Error(`${dataFile} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }

  let custom: { template: TemplateSpec; templateSource: string; templateName: string } | undefined;
  if (values.template !== undefined) {
    const source = await readText(values.template, io, 'template');
    // Handlebars' compiler is only loaded for a custom template (the built-in ones are precompiled).
    const { compileCustomTemplate } = await import('./custom-template');
    custom = { template: compileCustomTemplate(source, values.template), templateSource: source, templateName: values.template };
  }

  const document = await renderDocument({ kind, language: language as UiLanguage, input, fonts: await fonts, ...custom });
  await writeAtomically(values.out!, document.bytes);
  const summary = {
    out: values.out,
    kind,
    language,
    title: document.title,
    templateVersion: document.templateVersion,
    pages: document.pages,
    bytes: document.bytes.length,
    inputSha256: document.inputSha256,
    outputSha256: document.outputSha256,
  };
  io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}

export const command: CliCommand = run;
