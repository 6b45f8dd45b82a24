// Attack: an oversized file handed in for import. Before, every import read the whole file into the
// page (file.text()) before any check; the register CSV had no row limit; the background kept any
// number of backup uploads in memory at once.
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS, FileTooLargeError, readFileWithin } from '../../lib/messaging/file-limits';
import { importCsv, exportCsv } from '../../lib/register/csv';
import { MAX_IMPORT_ACTIVITIES } from '../../lib/register/schema';
import { ActivityFields } from '../../lib/register/schema';
import { BackupTransfers, MAX_TRANSFERS } from '../../entrypoints/background/backup-transfers';
import { ConflictError } from '../../lib/db/errors';
import { processor } from '../register/fixtures';

/** A file that claims a size and fails the test if anything reads it. */
const unreadable = (size: number) => ({ name: 'huge.json', size, text: () => Promise.reject(new Error('the file was read')) }) as unknown as Blob & { name: string };

describe('import caps', () => {
  it.each(Object.keys(FILE_LIMITS) as Array<keyof typeof FILE_LIMITS>)('refuses a %s file over its limit without reading it', async (kind) => {
    await expect(readFileWithin(unreadable(FILE_LIMITS[kind] + 1), kind)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(readFileWithin(new Blob(['{}']), kind)).resolves.toBe('{}');
  });

  it('refuses a register CSV with more rows than an import takes, and stops reading there', () => {
    const csv = exportCsv([ActivityFields.parse(processor)], 'en');
    const [header, row] = csv.slice(1).split('\r\n');
    const rows = Array.from({ length: MAX_IMPORT_ACTIVITIES + 1 }, (_, i) => row!.replace(/^"[^"]*"/, `"act-${i}"`));
    const result = importCsv([header, ...rows].join('\r\n'));
    expect(result).toEqual({ ok: false, problems: [{ message: 'a register file holds at most 10 000 activities' }] });
  });

  it(`keeps at most ${MAX_TRANSFERS} backup transfers in the background at once, and no upload over the backup limit`, () => {
    const transfers = new BackupTransfers(() => 0, 1_000);
    const ids = Array.from({ length: MAX_TRANSFERS }, () => transfers.start([], 2));
    expect(() => transfers.start([], 2)).toThrow(ConflictError);
    transfers.finish(ids[0]!);
    const id = transfers.start([], 2);
    expect(transfers.append(id, 0, 2, 'x')).toBe(1);
    expect(() => transfers.append(id, 1, 2, 'x'.repeat(1_000))).toThrow(/at most/);
    expect(() => transfers.get(id)).toThrow(/expired or is unknown/);
  });
});
