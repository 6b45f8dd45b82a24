// The command table. Each command lives in its own module: commands/<name>.ts exports `command`.
import type { CliCommand } from '../io';

export interface CommandEntry {
  summary: string;
  run: CliCommand;
}

export const COMMANDS: Record<string, CommandEntry> = {};
