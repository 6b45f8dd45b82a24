// How lists live in one spreadsheet cell (CSV export, documented in lib/register/README.md):
// items are joined with "; ", the fields of a structured item (a transfer, a special category) with
// " | ". A literal backslash, semicolon or vertical bar inside a value is written as \\, \; or \|.
// Values that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get an apostrophe before
// them, at the cell's start and after every ",", ";", tab or "|" (OWASP "CSV injection"): a spreadsheet
// set to another delimiter would start a cell there. The import takes the apostrophes off again.

const SPECIAL = /[\\;|]/g;

export function escapeValue(value: string): string {
  return value.replace(SPECIAL, (c) => `\\${c}`);
}

/** Joins items, each a list of fields, into one cell. */
export function joinItems(items: readonly (readonly string[])[]): string {
  return items.map((fields) => fields.map(escapeValue).join(' | ')).join('; ');
}

export function joinList(items: readonly string[]): string {
  return joinItems(items.map((item) => [item]));
}

/** The inverse of joinItems: items split on unescaped ";", fields on unescaped "|", trimmed, unescaped. */
export function splitItems(cell: string): string[][] {
  const items: string[][] = [];
  let fields: string[] = [];
  let current = '';
  const endField = () => {
    fields.push(current.trim());
    current = '';
  };
  const endItem = () => {
    endField();
    if (fields.some((f) => f.length > 0)) items.push(fields);
    fields = [];
  };
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) {
      current += cell[i + 1];
      i += 1;
    } else if (c === ';') endItem();
    else if (c === '|') endField();
    else current += c;
  }
  endItem();
  return items;
}

export function splitList(cell: string): string[] {
  return splitItems(cell).map((fields) => fields.join(' | '));
}

/**
 * Where a spreadsheet may start a new cell: the cell's start, and after any delimiter or line end it may
 * split on (a program set to ";" or tab, or one that ignores quotes, splits inside a quoted cell), spaces skipped.
 */
const STARTS = String.raw`(^|[,;\t|\n\r] *)`;
/** A formula start there, possibly behind apostrophes already (so a value that begins with '= round-trips). */
const FORMULA = new RegExp(`${STARTS}(?='*[=+\\-@\t\r])`, 'g');
const GUARDED = new RegExp(`${STARTS}'(?='*[=+\\-@\t\r])`, 'g');

/** Guards a cell against being run as a spreadsheet formula: an apostrophe before every formula start. */
export function guardFormula(cell: string): string {
  return cell.replace(FORMULA, "$1'");
}

export function unguardFormula(cell: string): string {
  return cell.replace(GUARDED, '$1');
}
