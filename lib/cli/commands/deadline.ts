// `privacy-desk deadline`: the Art. 12(3) GDPR deadline of a request received at an instant, counted
// in the controller's time zone and holiday calendar (lib/law), printed as one JSON object.
import { computeDeadline, DeadlineRequest, SUPPORTED_COUNTRIES, SUPPORTED_REGIONS, type DeadlineRequestInput } from '../../law';
import { commandOptions, optionProblems, type CliCommand, type CliIO } from '../io';

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
  const options = {
    received: { type: 'string' },
    tz: { type: 'string' },
    country: { type: 'string' },
    region: { type: 'string' },
    'closing-day': { type: 'string', multiple: true },
    extended: { type: 'boolean', default: false },
  } as const;
  const values = commandOptions(args, options, USAGE, io, ['received', 'tz', 'country']);
  if (!values) return 0;

  const input: DeadlineRequestInput = {
    receivedAt: values.received ?? '',
    timeZone: values.tz ?? '',
    country: values.country ?? '',
    region: values.region,
    closingDays: values['closing-day'] ?? [],
    extended: values.extended,
  };
  const checked = DeadlineRequest.safeParse(input);
  if (!checked.success) throw optionProblems(checked.error.issues, OPTION_OF_FIELD);
  io.stdout(`${JSON.stringify(computeDeadline(input), null, 2)}\n`);
  return 0;
}

export const command: CliCommand = run;
