// The command table. Each command lives in its own module (commands/<name>.ts exports `command`),
// loaded only when it runs: `privacy-desk --help` and `deadline` never load the PDF engine, zod
// schemas or templates of the document commands.
import type { CliCommand } from '../io';

export interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  deadline: { summary: 'Art. 12(3) GDPR deadline of a request (one month, or three when extended)', load: async () => (await import('./deadline')).command },
  'breach-deadline': { summary: 'Art. 33(1) GDPR deadline to notify a personal-data breach (72 elapsed hours from awareness)', load: async () => (await import('./breach-deadline')).command },
  'detect-score': { summary: 'score request detection on your own labelled tickets (JSONL on stdin)', load: async () => (await import('./detect-score')).command },
  detect: { summary: 'is a message a data-subject request, of which type, and why (stdin; --jsonl)', load: async () => (await import('./detect')).command },
  render: { summary: 'render a document (DPA, subprocessor list or notice, DSAR letter, register) to PDF', load: async () => (await import('./render')).command },
  example: { summary: 'print an example input (JSON) for a document kind', load: async () => (await import('./example')).command },
  schema: { summary: "print the JSON Schema of a document kind's input", load: async () => (await import('./schema')).command },
};
