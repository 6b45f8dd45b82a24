// The fields of the response letter that goes with an access or portability package (Arts. 12(1),
// 15, 20), from the request as stored. Dates on a letter are calendar days where the organisation
// is: a request received at 00:30 in Amsterdam on 1 March is "your request of 1 March", although the
// stored instant (UTC) still falls on 28 February.
import type { RequestType } from '../../model/request';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone` (an IANA zone; RangeError if unknown). */
export function dayInZone(instant: string | Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export interface PackageLetterSource {
  request: { id: string; type: RequestType; receivedAt: string };
  subject: { names: readonly string[]; emails: readonly string[] };
  /** The register entries the letter describes. */
  activityIds: string[];
  /** The name of the export file sent with the letter. */
  file: string;
  /** The organisation's time zone (its profile), where the letter is dated. */
  timeZone: string;
  now: Date;
}

/** The page's part of the letter's input; the background adds the profile and the register (documents.generate). */
export function packageLetterFields({ request, subject, activityIds, file, timeZone, now }: PackageLetterSource) {
  const common = {
    date: dayInZone(now, timeZone),
    recipient: { name: subject.names[0] ?? subject.emails[0] ?? '', ...(subject.emails[0] ? { email: subject.emails[0] } : {}) },
    request: { type: request.type, receivedOn: dayInZone(request.receivedAt, timeZone), reference: request.id.slice(0, 8).toUpperCase() },
    activityIds,
  };
  return request.type === 'portability'
    ? { ...common, variant: 'portability' as const, format: 'JSON (UTF-8)', files: [file] }
    : { ...common, variant: 'access' as const, enclosures: [file] };
}
