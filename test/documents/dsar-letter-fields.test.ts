// The package letter is dated, and cites the day of receipt, where the organisation is — not in UTC.
import { beforeAll, describe, expect, it } from 'vitest';
import { dayInZone, packageLetterFields } from '../../lib/documents/inputs/dsar-letter-fields';
import { DSAR_SAMPLES } from '../../lib/documents/kinds/dsar-response';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';
import { renderDocument } from '../../lib/documents/render';
import { pdfText } from './document-tools';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

// 00:30 on 1 March 2026 in Amsterdam (CET, UTC+1) is still 28 February in UTC.
const RECEIVED = '2026-02-28T23:30:00.000Z';
const source = {
  request: { id: '0f1e2d3c-aaaa-bbbb-cccc-000000000000', type: 'access' as const, receivedAt: RECEIVED },
  subject: { names: ['Jan de Vries'], emails: ['jan@example.nl'] },
  activityIds: ['a1'],
  file: 'jan-de-vries.json',
  timeZone: 'Europe/Amsterdam',
  // 23:10 UTC on 31 March = 01:10 on 1 April in Amsterdam (CEST).
  now: new Date('2026-03-31T23:10:00.000Z'),
};

describe('package letter fields', () => {
  it('takes the day of receipt and the letter date in the organisation’s time zone', () => {
    expect(dayInZone(RECEIVED, 'Europe/Amsterdam')).toBe('2026-03-01');
    expect(dayInZone(RECEIVED, 'UTC')).toBe('2026-02-28');
    expect(dayInZone('2026-03-01T04:30:00.000Z', 'America/New_York')).toBe('2026-02-28');
    expect(() => dayInZone(RECEIVED, 'Mars/Olympus')).toThrow(RangeError);
    const fields = packageLetterFields(source);
    expect(fields).toMatchObject({ variant: 'access', date: '2026-04-01', request: { type: 'access', receivedOn: '2026-03-01', reference: '0F1E2D3C' }, enclosures: ['jan-de-vries.json'] });
    expect(packageLetterFields({ ...source, request: { ...source.request, type: 'portability' } })).toMatchObject({ variant: 'portability', files: ['jan-de-vries.json'], format: 'JSON (UTF-8)' });
  });

  it('the printed letter says “your request of 1 March”, not 28 February', async () => {
    const fields = packageLetterFields(source);
    const input = { ...DSAR_SAMPLES.access(), date: fields.date, request: fields.request };
    const doc = await renderDocument({ kind: 'dsar-response', language: 'en', input, fonts });
    const text = pdfText(doc.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('1 March 2026');
    expect(text).not.toContain('28 February 2026');
  });
});
