// `privacy-desk detect-score`: how well request detection does on your own labelled tickets — the same
// scoring as the unit tests' corpora (lib/detect/evaluate.ts), so a team can check the classifier on
// its helpdesk's wording before relying on the overlay's suggestions.
import { DetectLanguage, DETECT_LANGUAGES } from '../../model/common';
import { evaluate, parseCorpus } from '../../detect/evaluate';
import { UsageError, commandOptions, type CliCommand, type CliIO } from '../io';

const USAGE = `usage: privacy-desk detect-score [--language <code>] < labelled.jsonl

Reads one labelled message per line on stdin:
  {"id": "t-1", "text": "…", "isRequest": true, "type": "erasure"}
  {"id": "t-2", "text": "…", "isRequest": false}
and prints, as JSON, precision and recall of "is this a request", the share of requests given the right
type, precision and recall per type, and each message detected wrongly ({id, expected, got}).

  --language <code>  also report the share of messages detected as this language: ${DETECT_LANGUAGES.join(', ')}
  -h, --help         show this help
`;

async function run(args: string[], io: CliIO): Promise<number> {
  const values = commandOptions(args, { language: { type: 'string' } }, USAGE, io);
  if (!values) return 0;
  const language = values.language === undefined ? undefined : DetectLanguage.safeParse(values.language);
  if (language && !language.success) throw new UsageError(`--language must be one of ${DETECT_LANGUAGES.join(', ')}, not "${values.language}"`);
  const input = await io.readStdin();
  if (!input.trim()) throw new UsageError(`no labelled messages on stdin\n${USAGE}`);
  const lines = input.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      JSON.parse(line);
    } catch (error) {
      throw new UsageError(`stdin:${i + 1}: not JSON (${error instanceof Error ? error.message : 'unreadable'})`);
    }
  });
  let messages;
  try {
    messages = parseCorpus(lines.join('\n'), 'stdin');
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'unreadable input');
  }
  const result = evaluate(messages, language?.data);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const rates = ({ precision, recall, ...counts }: { precision: number; recall: number; tp: number; fp: number; fn: number; tn: number }) => ({ precision: round(precision), recall: round(recall), ...counts });
  io.stdout(
    `${JSON.stringify(
      {
        n: result.n,
        isRequest: rates(result.isRequest),
        typeAccuracy: round(result.typeAccuracy),
        perType: Object.fromEntries(Object.entries(result.perType).map(([type, pr]) => [type, rates(pr)])),
        ...(result.languageAccuracy === undefined ? {} : { languageAccuracy: round(result.languageAccuracy) }),
        mistakes: result.mistakes.map(({ id, expected, got }) => ({ id, expected, got })),
      },
      null,
      2,
    )}\n`,
  );
  return 0;
}

export const command: CliCommand = run;
