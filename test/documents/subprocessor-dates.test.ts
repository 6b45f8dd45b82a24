// One definition of "on the subprocessor list on this date" (lib/documents/inputs/common.ts onListOn),
// used by the documents and by the background's list of an earlier date.
import { describe, expect, it } from 'vitest';
import { onListOn } from '../../lib/documents/inputs/common';
import { listOn } from '../../entrypoints/background/documents/inputs';

const DATE = '2026-03-02';

describe('on the subprocessor list on a date', () => {
  it('a subprocessor added after the date is not on it; on the day it is added it is', () => {
    expect(onListOn({ addedOn: '2026-03-03' }, DATE)).toBe(false);
    expect(onListOn({ addedOn: DATE }, DATE)).toBe(true);
  });

  it('a subprocessor removed before the date is not on it; its removal takes effect on its date', () => {
    expect(onListOn({ addedOn: '2025-01-01', removedOn: '2026-03-01' }, DATE)).toBe(false);
    expect(onListOn({ addedOn: '2025-01-01', removedOn: DATE }, DATE)).toBe(false);
    expect(onListOn({ addedOn: '2025-01-01', removedOn: '2026-03-03' }, DATE)).toBe(true);
    expect(onListOn({ addedOn: '2025-01-01' }, DATE)).toBe(true);
  });

  it("the background's list of an earlier date agrees", () => {
    const entries = [
      { addedOn: '2025-01-01', name: 'kept' },
      { addedOn: '2026-03-03', name: 'later' },
      { addedOn: '2025-01-01', removedOn: '2026-03-01', name: 'gone' },
    ];
    const listed = listOn(entries as unknown as Parameters<typeof listOn>[0], DATE).map((e) => (e as unknown as { name: string }).name);
    expect(listed).toEqual(entries.filter((e) => onListOn(e, DATE)).map((e) => e.name));
    expect(listed).toEqual(['kept']);
  });
});
