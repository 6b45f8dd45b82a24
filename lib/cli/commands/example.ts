// `privacy-desk example <kind>`: a complete, valid input for a document kind, to copy and edit.
import { parseArgs } from 'node:util';
import { DOCUMENT_KINDS } from '../../model/document';
import { kindSpec } from '../../documents/kinds';
import { DSAR_SAMPLES } from '../../documents/kinds/dsar-response';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { documentKindArg } from './kind-arg';

const VARIANTS = Object.keys(DSAR_SAMPLES);

const USAGE = `usage: privacy-desk example <kind> [--variant <variant>]

  <kind>                 ${DOCUMENT_KINDS.join(', ')}
  --variant <variant>    dsar-response only: ${VARIANTS.join(', ')} (default: access)
  -h, --help             show this help

Prints the example input as JSON; \`privacy-desk render <kind> --data <file>\` accepts it as it is.
`;

async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { variant: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
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
  let sample: unknown;
  if (values.variant !== undefined) {
    if (kind !== 'dsar-response') throw new UsageError('--variant applies to dsar-response only');
    const make = DSAR_SAMPLES[values.variant as keyof typeof DSAR_SAMPLES];
    if (!make) throw new UsageError(`--variant must be one of ${VARIANTS.join(', ')}, not "${values.variant}"`);
    sample = make();
  } else {
    sample = kindSpec(kind).sample();
  }
  io.stdout(`${JSON.stringify(sample, null, 2)}\n`);
  return 0;
}

export const command: CliCommand = run;
