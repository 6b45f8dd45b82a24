// What a CLI command may touch: its arguments and three streams. Commands stay testable without a process.
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
