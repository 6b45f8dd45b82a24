// `privacy-desk breach-deadline`: the Art. 33(1) GDPR deadline for notifying the supervisory authority of a
// personal-data breach — 72 elapsed hours from awareness (lib/law/breach-deadline.ts) — shown with the
// offset of the given time zone, printed as one JSON object.
import { breachDeadline, BreachDeadlineRequest, type BreachDeadlineRequestInput } from '../../law';
import { commandOptions, optionProblems, type CliCommand, type CliIO } from '../io';

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
  const values = commandOptions(args, { aware: { type: 'string' }, tz: { type: 'string' }, 'processor-aware': { type: 'string' }, 'processor-hours': { type: 'string' } }, USAGE, io, ['aware', 'tz']);
  if (!values) return 0;
  const hours = values['processor-hours'];
  const input: BreachDeadlineRequestInput = {
    awareAt: values.aware ?? '',
    timeZone: values.tz ?? '',
    ...(values['processor-aware'] !== undefined ? { processorAwareAt: values['processor-aware'] } : {}),
    ...(hours !== undefined ? { processorHours: /^\d+$/.test(hours) ? Number(hours) : Number.NaN } : {}),
  };
  const checked = BreachDeadlineRequest.safeParse(input);
  if (!checked.success) throw optionProblems(checked.error.issues, OPTION_OF_FIELD);
  io.stdout(`${JSON.stringify(breachDeadline(input), null, 2)}\n`);
  return 0;
}

export const command: CliCommand = run;
