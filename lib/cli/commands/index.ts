// The command table. Each command lives in its own module: commands/<name>.ts exports `command`.
import type { CliCommand } from '../io';
import { command as deadlineCommand } from './deadline';

export interface CommandEntry {
  summary: string;
  run: CliCommand;
}

export const COMMANDS: Record<string, CommandEntry> = {
  deadline: deadlineCommand,
};
