// `privacy-desk schema <kind>`: the JSON Schema of a document kind's input, for editors and
// pipelines that validate before they call `render`. Generated from the same zod schema the
// renderer validates with; checks zod cannot express in JSON Schema (e.g. "the new deadline
// must be after the original one") are still made at render time.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../model/document';
import { kindSpec } from '../../documents/kinds';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { documentKindArg } from './kind-arg';

const USAGE = `usage: privacy-desk schema <kind>

  <kind>       ${DOCUMENT_KINDS.join(', ')}
  -h, --help   show this help

Prints the JSON Schema (draft 2020-12) of the kind's input.
`;

export function inputJsonSchema(kind: (typeof DOCUMENT_KINDS)[number]): Record<string, unknown> {
  const schema = z.toJSONSchema(kindSpec(kind).input, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return { ...schema, title: `Privacy Desk ${kind} input` };
}

async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (parsed.values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const kind = documentKindArg(parsed.positionals, USAGE);
  io.stdout(`${JSON.stringify(inputJsonSchema(kind), null, 2)}\n`);
  return 0;
}

export const command: CliCommand = run;
