import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CSV_BOM, CSV_HEADER, exportCsv, importCsv, parseLegalBasis } from '../../lib/register/csv';
import { ActivityFields, describeProblem } from '../../lib/register/schema';
import { joinItems, joinList, splitItems, splitList } from '../../lib/register/cells';
import { fullController, processor } from './fixtures';

const parsed = (a: ActivityFields) => ActivityFields.parse(a);

describe('list cells', () => {
  it('round-trips items with semicolons, bars and backslashes', () => {
    const items = ['a; b', 'c | d', 'e\\f', ' g ', 'plain'];
    expect(splitList(joinList(items))).toEqual(['a; b', 'c | d', 'e\\f', 'g', 'plain']);
    expect(splitItems(joinItems([['US', 'x;y', ''], ['CH', 'z|w']]))).toEqual([['US', 'x;y', ''], ['CH', 'z|w']]);
    expect(splitList('')).toEqual([]);
    expect(splitList(' ; ;')).toEqual([]);
  });
});

describe('CSV export', () => {
  it('starts with a BOM, has the documented header and CRLF line ends', () => {
    const csv = exportCsv([parsed(fullController)], 'en');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(CSV_HEADER.map((h) => `"${h}"`).join(','));
    expect(CSV_HEADER.slice(0, 6)).toEqual(['id', 'name', 'role', 'controllerEntity', 'controllerContact', 'controllerEmail']);
  });

  it('writes vocabulary entries as labels in the export language', () => {
    const [, row] = Papa.parse<string[]>(exportCsv([parsed(fullController)], 'de').slice(1), { delimiter: ',' }).data;
    const cell = (name: string) => row![CSV_HEADER.indexOf(name)];
    expect(cell('purposes')).toBe(`Kundenservice und Support; Eigene Zweckbestimmung, mit Komma; '=HYPERLINK("http://evil")`);
    expect(cell('personalDataCategories')).toBe('Name und Identifikationsdaten; Kontaktdaten (Anschrift, E-Mail, Telefon); Gesundheitsdaten (Art. 9)');
    expect(cell('specialCategories')).toBe('Gesundheitsdaten (Art. 9) | Art. 9(2)(h)');
    expect(cell('transfers')).toBe('US | Helpdesk Inc. | scc | 2 | TIA 2026-01\\; see DPA \\| annex II; CH | Backup AG | adequacy |  | ');
    expect(cell('dpiaRequired')).toBe('yes');
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    const [, row] = Papa.parse<string[]>(exportCsv([parsed(fullController)], 'en').slice(1), { delimiter: ',' }).data;
    expect(row![CSV_HEADER.indexOf('securityMeasures')]).toBe("'- Encryption at rest\n'- SSO with MFA\n'- \"Least privilege\"");
  });
});

describe('CSV round trip', () => {
  it.each(['en', 'nl', 'de', 'it'] as const)('reads back what it wrote (%s labels), diacritics, commas, quotes and newlines included', (lang) => {
    const activities = [parsed(fullController), parsed(processor)];
    const result = importCsv(exportCsv(activities, lang));
    expect(result).toEqual({ ok: true, activities });
  });

  it('reads a file a spreadsheet saved with ";" and without BOM', () => {
    const activities = [parsed(fullController)];
    const rows = Papa.parse<string[]>(exportCsv(activities, 'it').slice(1), { delimiter: ',' }).data.filter((r) => r.length > 1);
    const semicolon = Papa.unparse(rows, { delimiter: ';', newline: '\n' });
    expect(importCsv(semicolon)).toEqual({ ok: true, activities });
  });

  it('accepts legal bases by key, letter or article', () => {
    expect(parseLegalBasis('Art. 6(1)(f)')).toBe('legitimate-interests');
    expect(parseLegalBasis('6(1)(a)')).toBe('consent');
    expect(parseLegalBasis('b')).toBe('contract');
    expect(parseLegalBasis('Legal-Obligation')).toBe('legal-obligation');
    expect(() => parseLegalBasis('maybe')).toThrow('is not a legal basis');
  });
});

describe('CSV import problems', () => {
  const file = (...rows: Record<string, string>[]) =>
    Papa.unparse({ fields: [...CSV_HEADER], data: rows.map((r) => CSV_HEADER.map((h) => r[h] ?? '')) }, { newline: '\r\n' });

  it('names the line where the bad row starts (after a cell spanning lines) and the column', () => {
    const csv = file(
      { name: 'Good', role: 'controller', retention: 'two\nlines' }, // lines 2–3
      { name: 'Bad basis', role: 'controller', legalBasis: 'maybe' }, // line 4
      { name: '', role: 'boss' }, // line 5
      { name: 'Bad email', role: 'controller', controllerEntity: 'X', controllerContact: 'Y', controllerEmail: 'not-an-email' }, // line 6
      { name: 'Bad transfer', role: 'controller', transfers: 'US | Acme | pinky-promise' }, // line 7
    );
    const result = importCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(describeProblem);
    expect(lines[0]).toMatch(/^line 4, legalBasis: "maybe" is not a legal basis/);
    expect(lines).toContainEqual(expect.stringMatching(/^line 5, name: /));
    expect(lines).toContainEqual(expect.stringMatching(/^line 5, role: /));
    expect(lines).toContainEqual('line 6, controllerEmail: must be an e-mail address');
    expect(lines).toContainEqual(expect.stringMatching(/^line 7, transfers: "pinky-promise" is not a safeguard/));
    expect(lines.some((l) => l.startsWith('line 2') || l.startsWith('line 3'))).toBe(false);
  });

  it('refuses unknown columns, missing required columns, ragged rows and duplicate ids', () => {
    expect(importCsv('name,colour\r\nx,red\r\n')).toMatchObject({ ok: false, problems: [{ line: 1, field: 'colour' }, { line: 1, field: 'role' }] });
    expect(importCsv('name,role\r\nx,controller,extra\r\n')).toMatchObject({ ok: false, problems: [{ line: 2, message: 'has 3 cells, the header has 2' }] });
    expect(importCsv('id,name,role\r\na,x,controller\r\na,y,controller\r\n')).toMatchObject({ ok: false, problems: [{ line: 3, field: 'id', message: 'the same id as line 2' }] });
    expect(importCsv('')).toMatchObject({ ok: false });
  });

  it('needs the condition of a special category', () => {
    const csv = file({ name: 'Health', role: 'controller', specialCategories: 'Health data (Art. 9)' });
    expect(importCsv(csv)).toMatchObject({ ok: false, problems: [{ line: 2, field: 'specialCategories' }] });
  });
});
