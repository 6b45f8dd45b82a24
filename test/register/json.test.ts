import { describe, expect, it } from 'vitest';
import { exportJson, importJson } from '../../lib/register/json';
import { ActivityFields, RegisterFile } from '../../lib/register/schema';
import { ProcessingActivity } from '../../lib/model/activity';
import type { CustomVocabularyEntry } from '../../lib/register/vocabulary';
import { fullController, processor } from './fixtures';

const stored = (a: ActivityFields): ProcessingActivity =>
  ProcessingActivity.parse({ ...a, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' });
const custom: CustomVocabularyEntry[] = [{ kind: 'purposes', key: 'x-loyalty-programme', label: 'Loyalty programme' }];

describe('JSON export and import', () => {
  it('writes the versioned envelope, valid against its own schema', () => {
    const text = exportJson([stored(fullController)], custom, '2026-03-02T09:00:00.000Z');
    const file = RegisterFile.parse(JSON.parse(text));
    expect(file).toMatchObject({ format: 'privacy-desk/register', version: 1, exportedAt: '2026-03-02T09:00:00.000Z', vocabulary: [] });
    expect(file.activities[0]).not.toHaveProperty('createdAt');
  });

  it('round-trips, carrying the custom vocabulary entries the activities use', () => {
    const withCustom = { ...fullController, purposes: ['x-loyalty-programme', 'billing'] };
    const activities = [stored(withCustom), stored(processor)];
    const text = exportJson(activities, custom, '2026-03-02T09:00:00.000Z');
    expect(JSON.parse(text).vocabulary).toEqual(custom);
    expect(importJson(text, custom)).toEqual({ ok: true, activities: [ActivityFields.parse(withCustom), ActivityFields.parse(processor)] });
    // Elsewhere, a custom key the installation does not know becomes its label.
    const elsewhere = importJson(text, []);
    expect(elsewhere.ok && elsewhere.activities[0]!.purposes).toEqual(['Loyalty programme', 'billing']);
  });

  it('names the activity and field of a bad entry, and refuses foreign or newer files', () => {
    const file = JSON.parse(exportJson([stored(fullController), stored(processor)], [], '2026-03-02T09:00:00.000Z'));
    file.activities[1].legalBasis = 'because';
    expect(importJson(JSON.stringify(file))).toMatchObject({ ok: false, problems: [{ activity: 2, field: 'legalBasis' }] });
    expect(importJson('{"format":"something-else"}')).toMatchObject({ ok: false, problems: [{ field: 'format' }] });
    expect(importJson(JSON.stringify({ ...file, version: 2 }))).toMatchObject({ ok: false, problems: [{ field: 'version', message: expect.stringContaining('version 2') }] });
    expect(importJson('{not json')).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('not valid JSON') }] });
  });
});
