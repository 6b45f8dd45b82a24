// `privacy-desk <command>`: the Node command line over documents/, law/ and detect/.
import { parseArgs } from 'node:util';
import { isUsageError, type CliCommand, type CliIO } from './io';
import { COMMANDS } from './commands';

const USAGE = `usage: privacy-desk <command> [options]

commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(20)} ${c.summary}`)
  .join('\n')}
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`privacy-desk: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`privacy-desk ${name}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`privacy-desk ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export { parseArgs };
export type { CliCommand };
