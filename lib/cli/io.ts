// What a CLI command may touch: its arguments and three streams. Commands stay testable without a process.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/** Thrown for a bad invocation; main prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Whether an error is a UsageError, told by its name: the packaged CLI carries this module twice,
 * in its ES modules and in engine.js (scripts/build-cli.mjs), so instanceof would miss the other
 * copy's errors.
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; strict: true; allowPositionals: false; options: O & typeof HELP }>>['values'] & { help?: boolean };

/**
 * A command's options, parsed strictly (no positionals, no unknown option), with `-h/--help` added.
 * Returns undefined after printing the usage when help was asked; a bad or missing option is a
 * UsageError that ends with the usage, so every command answers the same way.
 */
export function commandOptions<const O extends ParseArgsOptionsConfig>(args: string[], options: O, usage: string, io: CliIO, required: readonly (keyof O & string)[] = []): Parsed<O> | undefined {
  let values: Parsed<O>;
  try {
    ({ values } = parseArgs({ args, strict: true, allowPositionals: false, options: { ...options, ...HELP } }) as { values: Parsed<O> });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (values.help) {
    io.stdout(usage);
    return undefined;
  }
  const missing = required.filter((name) => (values as Record<string, unknown>)[name] === undefined).map((name) => `--${name}`);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}\n${usage}`);
  return values;
}

/** A zod error on a command's input, each problem named by the option it came from ("--tz: …", "--closing-day #2: …"). */
export function optionProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[], optionOfField: Readonly<Record<string, string>>): UsageError {
  return new UsageError(
    issues
      .map((issue) => {
        const [field, index] = issue.path.map(String);
        const option = optionOfField[field ?? ''] ?? field ?? 'input';
        return `${option}${index !== undefined ? ` #${Number(index) + 1}` : ''}: ${issue.message}`;
      })
      .join('; '),
  );
}
