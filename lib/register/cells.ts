// How lists live in one spreadsheet cell (CSV export, documented in lib/register/README.md):
// items are joined with "; ", the fields of a structured item (a transfer, a special category) with
// " | ". A literal backslash, semicolon or vertical bar inside a value is written as \\, \; or \|.
// Values that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading
// apostrophe (OWASP "CSV injection"); the import takes it off again.

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

const FORMULA = /^'*[=+\-@\t\r]/;

/** Guards a cell against being run as a spreadsheet formula. */
export function guardFormula(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
