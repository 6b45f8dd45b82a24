// The register as CSV (RFC 4180, via papaparse): one row per activity, columns in the fixed order of
// CSV_COLUMNS (documented in lib/register/README.md). The file starts with a UTF-8 byte-order mark so
// spreadsheet programs read diacritics correctly, and uses CRLF line ends. Every field is quoted, so a
// program reading it with another delimiter still keeps each cell whole. Vocabulary entries are
// written as their label in the export language and read back from a label in any language.
//
// Import is all-or-nothing at this level too: every row is read and validated, and the result is
// either every activity or every problem, each with its line and column.
import Papa from 'papaparse';
import type { z } from 'zod';
import { LegalBasis, TransferSafeguard, Art9Condition } from '../model/activity';
import type { UiLanguage } from '../model/common';
import { ActivityFields, MAX_IMPORT_ACTIVITIES, TOO_MANY_ACTIVITIES, type ImportProblem, type ImportResult } from './schema';
import { guardFormula, joinItems, joinList, splitItems, splitList, unguardFormula } from './cells';
import { labelOf, valueFromText, type CustomVocabularyEntry, type VocabularyKind } from './vocabulary';

export const CSV_BOM = '\uFEFF';

interface Ctx {
  lang: UiLanguage;
  custom: readonly CustomVocabularyEntry[];
}

/** A cell the importer could not read; reported with the row's line and this column. */
class CellError extends Error {}

type Draft = Record<string, unknown>;
type Activity = z.infer<typeof ActivityFields>;

interface Column {
  name: string;
  /** Schema paths this column fills (for naming the column in a validation problem). */
  paths: string[];
  write(a: Activity, ctx: Ctx): string;
  read(cell: string, draft: Draft, ctx: Ctx): void;
}

const text = (name: string, path = name): Column => ({
  name,
  paths: [path],
  write: (a) => String((a as Record<string, unknown>)[path] ?? ''),
  read: (cell, draft) => {
    if (cell !== '') draft[path] = cell;
  },
});

const plainList = (name: string): Column => ({
  name,
  paths: [name],
  write: (a) => joinList((a as unknown as Record<string, string[]>)[name] ?? []),
  read: (cell, draft) => {
    draft[name] = splitList(cell);
  },
});

const vocabularyList = (name: 'purposes' | 'dataSubjectCategories' | 'personalDataCategories', kind: VocabularyKind): Column => ({
  name,
  paths: [name],
  write: (a, ctx) => joinList(a[name].map((v) => labelOf(kind, v, ctx.lang, ctx.custom))),
  read: (cell, draft, ctx) => {
    draft[name] = splitList(cell).map((item) => valueFromText(kind, item, ctx.custom));
  },
});

const controllerPart = (name: string, key: 'entity' | 'name' | 'email' | 'phone' | 'role'): Column => ({
  name,
  paths: [`controller.${key}`],
  write: (a) => a.controller?.[key] ?? '',
  read: (cell, draft) => {
    if (cell === '') return;
    draft.controller = { ...((draft.controller as object | undefined) ?? {}), [key]: cell };
  },
});

const LETTERS: Record<string, LegalBasis> = { a: 'consent', b: 'contract', c: 'legal-obligation', d: 'vital-interests', e: 'public-task', f: 'legitimate-interests' };

/** A legal basis from its key, its letter, or its article ("Art. 6(1)(f)", "6(1)(f)"). */
export function parseLegalBasis(cell: string): LegalBasis {
  const s = cell.trim().toLowerCase();
  const byKey = LegalBasis.safeParse(s);
  if (byKey.success) return byKey.data;
  const letter = /^(?:art\.?\s*)?(?:6\s*\(1\)\s*)?\(?([a-f])\)?$/.exec(s)?.[1];
  if (letter) return LETTERS[letter]!;
  throw new CellError(`"${cell}" is not a legal basis: use ${LegalBasis.options.join(', ')} or Art. 6(1)(a)–(f)`);
}

function parseCondition(cell: string): z.infer<typeof Art9Condition> {
  const letter = /^(?:art\.?\s*)?(?:9\s*\(2\)\s*)?\(?([a-j])\)?$/i.exec(cell.trim())?.[1]?.toLowerCase();
  const parsed = Art9Condition.safeParse(letter);
  if (!parsed.success) throw new CellError(`"${cell}" is not an Art. 9(2) condition: use Art. 9(2)(a)–(j)`);
  return parsed.data;
}

const YES = new Set(['yes', 'true', '1', 'ja', 'sì', 'si', 'y', 'j']);
const NO = new Set(['no', 'false', '0', 'nee', 'nein', 'n', '']);

/** Columns in export order. Never reorder or rename: add new ones at the end (and document them). */
export const CSV_COLUMNS: readonly Column[] = [
  text('id'),
  text('name'),
  text('role'),
  controllerPart('controllerEntity', 'entity'),
  controllerPart('controllerContact', 'name'),
  controllerPart('controllerEmail', 'email'),
  controllerPart('controllerPhone', 'phone'),
  plainList('jointControllers'),
  text('representative'),
  text('dpo'),
  vocabularyList('purposes', 'purposes'),
  {
    name: 'legalBasis',
    paths: ['legalBasis'],
    write: (a) => a.legalBasis ?? '',
    read: (cell, draft) => {
      if (cell !== '') draft.legalBasis = parseLegalBasis(cell);
    },
  },
  text('legitimateInterest'),
  vocabularyList('dataSubjectCategories', 'dataSubjects'),
  vocabularyList('personalDataCategories', 'personalData'),
  {
    name: 'specialCategories',
    paths: ['specialCategories'],
    write: (a, ctx) => joinItems(a.specialCategories.map((s) => [labelOf('personalData', s.category, ctx.lang, ctx.custom), `Art. 9(2)(${s.condition})`])),
    read: (cell, draft, ctx) => {
      draft.specialCategories = splitItems(cell).map(([category = '', condition = '']) => {
        if (!condition) throw new CellError(`"${category}" needs its Art. 9(2) condition, e.g. "${category} | Art. 9(2)(a)"`);
        return { category: valueFromText('personalData', category, ctx.custom), condition: parseCondition(condition) };
      });
    },
  },
  plainList('recipients'),
  {
    name: 'transfers',
    paths: ['transfers'],
    write: (a) => joinItems(a.transfers.map((t) => [t.country, t.recipient, t.safeguard, t.sccModule ? String(t.sccModule) : '', t.documentation])),
    read: (cell, draft) => {
      draft.transfers = splitItems(cell).map(([country = '', recipient = '', safeguard = '', module = '', documentation = '']) => {
        const parsedSafeguard = TransferSafeguard.safeParse(safeguard.toLowerCase());
        if (!parsedSafeguard.success) throw new CellError(`"${safeguard}" is not a safeguard: use ${TransferSafeguard.options.join(', ')}`);
        if (module !== '' && !/^[1-4]$/.test(module)) throw new CellError(`SCC module "${module}" must be 1, 2, 3 or 4`);
        return {
          country: country.toUpperCase(),
          recipient,
          safeguard: parsedSafeguard.data,
          ...(module ? { sccModule: Number(module) } : {}),
          documentation,
        };
      });
    },
  },
  text('retention'),
  {
    name: 'retentionDays',
    paths: ['retentionDays'],
    write: (a) => (a.retentionDays === undefined ? '' : String(a.retentionDays)),
    read: (cell, draft) => {
      if (cell === '') return;
      if (!/^\d+$/.test(cell)) throw new CellError(`"${cell}" is not a whole number of days`);
      draft.retentionDays = Number(cell);
    },
  },
  text('securityMeasures'),
  {
    name: 'processingOnBehalf',
    paths: ['processingOnBehalf'],
    write: (a) => joinItems(a.processingOnBehalf.map((p) => [p.controller, ...p.categories])),
    read: (cell, draft) => {
      draft.processingOnBehalf = splitItems(cell).map(([controller = '', ...categories]) => ({ controller, categories: categories.filter(Boolean) }));
    },
  },
  plainList('systems'),
  plainList('subprocessorIds'),
  {
    name: 'dpiaRequired',
    paths: ['dpiaRequired'],
    write: (a) => (a.dpiaRequired ? 'yes' : 'no'),
    read: (cell, draft) => {
      const v = cell.trim().toLowerCase();
      if (YES.has(v)) draft.dpiaRequired = true;
      else if (NO.has(v)) draft.dpiaRequired = false;
      else throw new CellError(`"${cell}" is not yes or no`);
    },
  },
];

export const CSV_HEADER = CSV_COLUMNS.map((c) => c.name);

/** The register as a CSV file's text (with BOM). */
export function exportCsv(activities: readonly Activity[], lang: UiLanguage, custom: readonly CustomVocabularyEntry[] = []): string {
  const ctx: Ctx = { lang, custom };
  const rows = activities.map((a) => CSV_COLUMNS.map((c) => guardFormula(c.write(a, ctx))));
  return CSV_BOM + Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { newline: '\r\n', quotes: true }) + '\r\n';
}

/** The column a zod issue path belongs to: the column whose path is the longest prefix. */
function columnOf(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join('.');
  let best: { name: string; length: number } | undefined;
  for (const c of CSV_COLUMNS)
    for (const p of c.paths)
      if ((dotted === p || dotted.startsWith(`${p}.`)) && (!best || p.length > best.length)) best = { name: c.name, length: p.length };
  if (best) return best.name;
  // An issue on the whole controller object (e.g. a missing name) points at its first column.
  return dotted.startsWith('controller') ? 'controllerEntity' : dotted || 'row';
}

/** Picks the delimiter from the header line: spreadsheet programs in NL/DE/IT save with ";". */
function delimiterOf(content: string): string {
  const header = content.slice(0, content.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  return counts.sort((x, y) => y.n - x.n)[0]!.n > 0 ? counts[0]!.d : ',';
}

const MAX_PROBLEMS = 50;

/** Reads a CSV register. Returns every activity, or every problem with its line and column. */
export function importCsv(content: string, custom: readonly CustomVocabularyEntry[] = []): ImportResult {
  const source = content.startsWith(CSV_BOM) ? content.slice(1) : content;
  const problems: ImportProblem[] = [];
  const rows: { line: number; cells: string[] }[] = [];
  // A quoted cell may span lines, so a row's line is counted from where it starts in the file.
  let start = 0;
  let counted = { offset: 0, line: 1 };
  const lineAt = (offset: number) => {
    let { line } = counted;
    for (let i = counted.offset; i < offset && i < source.length; i += 1) if (source.charCodeAt(i) === 10) line += 1;
    counted = { offset, line };
    return line;
  };
  let tooMany = false;
  Papa.parse<string[]>(source, {
    delimiter: delimiterOf(source),
    step: (result, parser) => {
      // The header and MAX_IMPORT_ACTIVITIES rows at most: a larger file stops here, unread.
      if (rows.length > MAX_IMPORT_ACTIVITIES) {
        tooMany = true;
        return parser.abort();
      }
      const line = lineAt(start);
      start = result.meta.cursor;
      for (const error of result.errors) problems.push({ line, message: error.message });
      const cells = result.data;
      if (cells.length === 1 && cells[0] === '') return; // blank line
      rows.push({ line, cells });
    },
  });
  if (tooMany) return { ok: false, problems: [{ message: TOO_MANY_ACTIVITIES }] };
  const [header, ...body] = rows;
  if (!header) return { ok: false, problems: [{ message: 'the file is empty' }] };
  const names = header.cells.map((h) => h.trim());
  const known = new Map(CSV_COLUMNS.map((c) => [c.name, c]));
  names.forEach((n) => {
    if (n && !known.has(n)) problems.push({ line: header.line, field: n, message: `unknown column (expected ${CSV_HEADER.join(', ')})` });
  });
  for (const required of ['name', 'role'])
    if (!names.includes(required)) problems.push({ line: header.line, field: required, message: 'required column is missing' });
  if (problems.length) return { ok: false, problems };

  const ctx: Ctx = { lang: 'en', custom };
  const activities: Activity[] = [];
  for (const row of body) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (row.cells.length !== names.length) {
      problems.push({ line: row.line, message: `has ${row.cells.length} cells, the header has ${names.length}` });
      continue;
    }
    const draft: Draft = {};
    let rowOk = true;
    names.forEach((name, i) => {
      const column = known.get(name);
      if (!column) return;
      try {
        column.read(unguardFormula(row.cells[i]!.trim() === '' ? '' : row.cells[i]!), draft, ctx);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        rowOk = false;
        problems.push({ line: row.line, field: name, message: error.message });
      }
    });
    if (!rowOk) continue;
    const parsed = ActivityFields.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line: row.line, field: columnOf(issue.path), message: issue.message });
      continue;
    }
    activities.push(parsed.data);
  }
  const ids = new Map<string, number>();
  body.forEach((row, i) => {
    const id = row.cells[names.indexOf('id')]?.trim();
    if (!id || names.indexOf('id') < 0) return;
    if (ids.has(id)) problems.push({ line: row.line, field: 'id', message: `the same id as line ${ids.get(id)}` });
    else ids.set(id, body[i]!.line);
  });
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, activities };
}
