// `privacy-desk detect`: is a message a data-subject request, of which type, and why (lib/detect).
// One message on stdin → one JSON object; with --jsonl, one {"id","text"} per line → one result per
// line. A bad input line does not stop the run: its output line is {"id","line","error"} (so output
// lines stay aligned with input lines), stderr names the line, and the exit status is 1 at the end.
import { z } from 'zod';
import { DetectLanguage, DETECT_LANGUAGES } from '../../model/common';
import { classify, type ClassifyOptions, type DetectionResult } from '../../detect';
import { UsageError, commandOptions, type CliCommand, type CliIO } from '../io';

const USAGE = `usage: privacy-desk detect [--jsonl] [--language <code>]

Reads one message on stdin and prints
  {"isRequest","type","language","confidence","evidence"}
as JSON: type and language are null when absent; confidence is the estimated probability that
the message is a data-subject request (isRequest is confidence >= 0.5); evidence lists the
phrases that decided it as {phrase, start, end, signal}, offsets in UTF-16 code units.

  --jsonl            read one {"id","text"} object per line; print one result per line with its id.
                     A bad line prints {"id","line","error"} instead, is reported on stderr, and
                     makes the exit status 1 once all lines are done.
  --language <code>  the message language, skipping detection: ${DETECT_LANGUAGES.join(', ')}
  -h, --help         show this help
`;

const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});

/** The printed shape: every key present, null when absent, so consumers need no optional checks. */
function printable(result: DetectionResult) {
  return {
    isRequest: result.isRequest,
    type: result.type ?? null,
    language: result.language ?? null,
    confidence: result.confidence,
    evidence: result.evidence,
  };
}

function idOf(value: unknown): string | number | null {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const values = commandOptions(args, { jsonl: { type: 'boolean', default: false }, language: { type: 'string' } }, USAGE, io);
  if (!values) return 0;
  let options: ClassifyOptions = {};
  if (values.language !== undefined) {
    const language = DetectLanguage.safeParse(values.language);
    if (!language.success) throw new UsageError(`--language must be one of ${DETECT_LANGUAGES.join(', ')}, not "${values.language}"`);
    options = { language: language.data };
  }

  const input = await io.readStdin();
  if (!values.jsonl) {
    if (!input.trim()) throw new UsageError(`no message on stdin\n${USAGE}`);
    io.stdout(`${JSON.stringify(printable(classify(input, options)))}\n`);
    return 0;
  }

  let failed = 0;
  input.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const lineNumber = index + 1;
    let raw: unknown;
    let problem: string;
    try {
      raw = JSON.parse(line);
      const parsed = InputLine.safeParse(raw);
      if (parsed.success) {
        io.stdout(`${JSON.stringify({ id: parsed.data.id, ...printable(classify(parsed.data.text, options)) })}\n`);
        return;
      }
      problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ');
    } catch (error) {
      problem = `not JSON (${error instanceof Error ? error.message : String(error)})`;
    }
    failed += 1;
    io.stdout(`${JSON.stringify({ id: idOf(raw), line: lineNumber, error: problem })}\n`);
    io.stderr(`privacy-desk detect: line ${lineNumber}: ${problem}\n`);
  });
  if (failed > 0) io.stderr(`privacy-desk detect: ${failed} bad line${failed === 1 ? '' : 's'}\n`);
  return failed > 0 ? 1 : 0;
}

export const command: CliCommand = run;
