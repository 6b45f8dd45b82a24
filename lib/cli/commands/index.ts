// The command table. Each command lives in its own module: commands/<name>.ts exports `command`.
import type { CliCommand } from '../io';
import { command as breachDeadlineCommand } from './breach-deadline';
import { command as deadlineCommand } from './deadline';
import { command as detectCommand } from './detect';
import { command as detectScoreCommand } from './detect-score';
import { command as exampleCommand } from './example';
import { command as renderCommand } from './render';
import { command as schemaCommand } from './schema';

export interface CommandEntry {
  summary: string;
  run: CliCommand;
}

export const COMMANDS: Record<string, CommandEntry> = {
  deadline: deadlineCommand,
  'breach-deadline': breachDeadlineCommand,
  detect: detectCommand,
  'detect-score': detectScoreCommand,
  render: renderCommand,
  example: exampleCommand,
  schema: schemaCommand,
};
