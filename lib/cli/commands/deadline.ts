// `privacy-desk deadline`: the Art. 12(3) GDPR deadline of a request received at an instant, counted
// in the controller's time zone and holiday calendar (lib/law), printed as one JSON object.
import { parseArgs } from 'node:util';
import { computeDeadline, DeadlineRequest, SUPPORTED_COUNTRIES, SUPPORTED_REGIONS, type DeadlineRequestInput } from '../../law';
import { UsageError, type CliCommand, type CliIO } from '../io';

const USAGE = `usage: privacy-desk deadline --received <ISO instant> --tz <IANA zone> --country <code> [options]

  --received <instant>   when the request was received, e.g. 2026-01-31T10:00:00Z
  --tz <zone>            the controller's time zone, e.g. Europe/Amsterdam
  --country <code>       the controller's country: ${SUPPORTED_COUNTRIES.join(', ')}
  --region <code>        region with holidays of its own, e.g. DE-BY (list below)
  --closing-day <date>   an organisation closing day, YYYY-MM-DD; repeat for several
  --extended             the two-month extension of Art. 12(3) has been taken
  -h, --help             show this help

Prints {received, receivedLocalDay, due, dueAt, extended, rule} as JSON.

regions:
${SUPPORTED_COUNTRIES.filter((country) => SUPPORTED_REGIONS[country].length > 0)
  .flatMap((country) => SUPPORTED_REGIONS[country].map((region) => `  ${region.code.padEnd(16)} ${region.name}`))
  .join('\n')}
`;

/** The option each request field comes from, so an error names what the user typed. */
const OPTION_OF_FIELD: Record<string, string> = {
  receivedAt: '--received',
  timeZone: '--tz',
  country: '--country',
  region: '--region',
  closingDays: '--closing-day',
  extended: '--extended',
};

async function run(args: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        received: { type: 'string' },
        tz: { type: 'string' },
        country: { type: 'string' },
        region: { type: 'string' },
        'closing-day': { type: 'string', multiple: true },
        extended: { type: 'boolean', default: false },
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
  const missing = (['received', 'tz', 'country'] as const).filter((name) => values[name] === undefined).map((name) => `--${name}`);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}\n${USAGE}`);

  const input: DeadlineRequestInput = {
    receivedAt: values.received ?? '',
    timeZone: values.tz ?? '',
    country: values.country ?? '',
    region: values.region,
    closingDays: values['closing-day'] ?? [],
    extended: values.extended,
  };
  const checked = DeadlineRequest.safeParse(input);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => {
      const [field, index] = issue.path.map(String);
      const option = OPTION_OF_FIELD[field ?? ''] ?? field ?? 'input';
      return `${option}${index !== undefined ? ` #${Number(index) + 1}` : ''}: ${issue.message}`;
    });
    throw new UsageError(problems.join('; '));
  }
  io.stdout(`${JSON.stringify(computeDeadline(input), null, 2)}\n`);
  return 0;
}

export const command: CliCommand = run;
