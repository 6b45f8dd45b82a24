// The background reads "now" from the records' injected clock (lib/db/store.ts Clock), never from the
// system: a handler or reminder that called new Date() would disagree with the instants the Store
// writes, and could not be tested at a fixed instant.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BACKGROUND = fileURLToPath(new URL('../../entrypoints/background/', import.meta.url));
const FILES = [...readdirSync(join(BACKGROUND, 'handlers')).map((f) => join('handlers', f)), 'reminders.ts', 'purge.ts'];

describe('the background clock', () => {
  it('handlers, reminders and the purge never read the system clock', () => {
    const offenders = FILES.flatMap((f) => {
      const text = readFileSync(join(BACKGROUND, f), 'utf8');
      return [...text.matchAll(/new Date\(\)|Date\.now\(\)/g)].map((m) => `${f}: ${m[0]}`);
    });
    expect(FILES).toContain(join('handlers', 'core.ts'));
    expect(offenders).toEqual([]);
  });
});
