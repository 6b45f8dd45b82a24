// `privacy-desk breach-deadline`: the Art. 33(1) GDPR deadline for notifying the supervisory authority of a
// personal-data breach — 72 elapsed hours from awareness (lib/law/breach-deadline.ts) — shown with the
// offset of the given time zone, printed as one JSON object.
import { parseArgs } from 'node:util';
import { breachDeadline, BreachDeadlineRequest, type BreachDeadlineRequestInput } from '../../law';
import { UsageError, type CliCommand, type CliIO } from '../io';

const USAGE = `usage: privacy-desk breach-deadline --aware <ISO instant> --tz <IANA zone> [options]

  --aware <instant>          when the organisation became aware of the breach, e.g. 2026-03-27T10:00:00+01:00
  --tz <zone>                the time zone the deadline is shown in, e.g. Europe/Amsterdam
  --processor-aware <instant> when the processor became aware (its own deadline runs from here)
  --processor-hours <n>      hours the DPA's breach clause gives the processor, e.g. 24
  -h, --help                 show this help

Prints {aware, due, dueUtc, timeZone, hours, processorDue?, rule} as JSON. The 72 hours are elapsed hours:
weekends and public holidays do not extend them.
`;

const OPTION_OF_FIELD: Record<string, string> = {
  awareAt: '--aware',
  timeZone: '--tz',
  processorAwareAt: '--processor-aware',
  processorHours: '--processor-hours',
};

async function run(args: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        aware: { type: 'string' },
        tz: { type: 'string' },
        'processor-aware': { type: 'string' },
        'processor-hours': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const missing = (['aware', 'tz'] as const).filter((name) => values[name] === undefined).map((name) => `--${name}`);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}\n${USAGE}`);
  const hours = values['processor-hours'];
  const input: BreachDeadlineRequestInput = {
    awareAt: values.aware ?? '',
    timeZone: values.tz ?? '',
    ...(values['processor-aware'] !== undefined ? { processorAwareAt: values['processor-aware'] } : {}),
    ...(hours !== undefined ? { processorHours: /^\d+$/.test(hours) ? Number(hours) : Number.NaN } : {}),
  };
  const checked = BreachDeadlineRequest.safeParse(input);
  if (!checked.success) {
    throw new UsageError(checked.error.issues.map((issue) => `${OPTION_OF_FIELD[String(issue.path[0])] ?? 'input'}: ${issue.message}`).join('; '));
  }
  io.stdout(`${JSON.stringify(breachDeadline(input), null, 2)}\n`);
  return 0;
}

export const command: CliCommand = run;
