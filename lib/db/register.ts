// The record of processing activities (Art. 30): saving activities, the custom vocabulary, and export
// and import of the whole register. Every write goes through the Store, so it is validated and audited.
import { ProcessingActivity } from '../model/activity';
import type { UiLanguage } from '../model/common';
import { parseOrThrow, ValidationError } from '../model/errors';
import { ActivityFields, describeProblem, type ImportProblem } from '../register/schema';
import { exportCsv, importCsv } from '../register/csv';
import { exportJson, importJson } from '../register/json';
import { CustomVocabulary, CustomVocabularyEntry, customKey, type VocabularyKind } from '../register/vocabulary';
import { changedFields, type WriteOp } from './store';
import type { Repositories } from './repositories';
import { ConflictError } from './errors';

export type RegisterFormat = 'csv' | 'json';

/** Live activities, by name. */
export async function listActivities(repos: Repositories): Promise<ProcessingActivity[]> {
  return (await repos.activities.listLive()).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Creates an activity, or replaces the fields of activity `id` (which must exist and be live). */
export async function saveActivity(repos: Repositories, actor: string, input: unknown, id?: string): Promise<ProcessingActivity> {
  const { id: _ignored, ...fields } = parseOrThrow(ActivityFields, input, 'processing activity');
  if (!id) return repos.activities.create(actor, fields);
  const existing = await repos.activities.require(id);
  if (existing.deletedAt) throw new ConflictError('This activity was deleted; restore it before editing');
  // Every field is replaced (lists shrink too), so the patch lists the defaulted ones explicitly.
  const cleared = { controller: undefined, representative: undefined, dpo: undefined, legalBasis: undefined, legitimateInterest: undefined, retentionDays: undefined };
  return repos.activities.update(actor, id, { ...cleared, ...fields });
}

export async function deleteActivity(repos: Repositories, actor: string, id: string): Promise<void> {
  await repos.activities.softDelete(actor, id);
}

// — custom vocabulary —

/** Custom vocabulary entries live in the settings table under this key (not records about people). */
export const VOCABULARY_SETTING = 'register.vocabulary';

export async function getCustomVocabulary(repos: Repositories): Promise<CustomVocabulary> {
  const row = await repos.db.settings.get(VOCABULARY_SETTING);
  const parsed = CustomVocabulary.safeParse(row?.value ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * Adds the DPO's own entry to a vocabulary; an entry with the same label (any case) is returned instead
 * of a duplicate. The settings table is outside the Store's record tables, so the change is written and
 * then appended to the audit trail as its own entry.
 */
export async function addVocabularyEntry(
  repos: Repositories,
  actor: string,
  input: { kind: VocabularyKind; label: string; special?: boolean },
): Promise<CustomVocabularyEntry> {
  const { entry, added } = await repos.store.serialise(async () => {
    const existing = await getCustomVocabulary(repos);
    const label = input.label.trim();
    const same = existing.find((c) => c.kind === input.kind && c.label.toLocaleLowerCase() === label.toLocaleLowerCase());
    if (same) return { entry: same, added: false };
    const created = parseOrThrow(
      CustomVocabularyEntry,
      { kind: input.kind, key: customKey(label, existing), label, ...(input.special ? { special: true } : {}) },
      'vocabulary entry',
    );
    await repos.db.settings.put({ key: VOCABULARY_SETTING, value: [...existing, created] });
    return { entry: created, added: true };
  });
  if (added) await repos.store.log(actor, 'update', 'settings', VOCABULARY_SETTING, `vocabulary ${entry.kind}: ${entry.key}`);
  return entry;
}

// — export and import —

export interface RegisterExport {
  filename: string;
  mime: string;
  content: string;
  count: number;
}

/** The register as a file, with an `export` entry in the audit trail. */
export async function exportRegister(repos: Repositories, actor: string, format: RegisterFormat, lang: UiLanguage): Promise<RegisterExport> {
  const activities = await listActivities(repos);
  const custom = await getCustomVocabulary(repos);
  const now = repos.store.nowIso();
  const content = format === 'csv' ? exportCsv(activities, lang, custom) : exportJson(activities, custom, now);
  await repos.store.log(actor, 'export', 'activities', '*', `register as ${format.toUpperCase()}, ${activities.length} activities`);
  return {
    filename: `register-of-processing-activities-${now.slice(0, 10)}.${format}`,
    mime: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
    content,
    count: activities.length,
  };
}

/** Thrown when an import file has problems: nothing was written; the message lists each problem. */
export class ImportRejectedError extends ValidationError {
  constructor(readonly problems: ImportProblem[]) {
    super('The file', problems.map((p) => p.field ?? ''), `\n${problems.map(describeProblem).join(';\n')}.\nNothing was imported.`);
  }
}

/**
 * Imports a CSV or JSON register, all or nothing: every row is read and validated first, and only a
 * file without problems is written — in one commit, each activity with an `import` audit entry. A row
 * with the id of an existing activity replaces it (and restores it if it was deleted); any other row
 * creates an activity.
 */
export async function importRegister(repos: Repositories, actor: string, format: RegisterFormat, content: string): Promise<{ created: number; updated: number }> {
  const custom = await getCustomVocabulary(repos);
  const result = format === 'csv' ? importCsv(content, custom) : importJson(content, custom);
  if (!result.ok) throw new ImportRejectedError(result.problems);
  if (result.activities.length === 0) throw new ImportRejectedError([{ message: 'the file holds no activities' }]);

  const ids = result.activities.map((a) => a.id).filter((id): id is string => !!id);
  const existing = new Map((await repos.db.activities.bulkGet(ids)).filter((a): a is ProcessingActivity => !!a).map((a) => [a.id, a]));
  const ops: WriteOp[] = [];
  let created = 0;
  let updated = 0;
  const problems: ImportProblem[] = [];
  result.activities.forEach((fields, index) => {
    try {
      const before = fields.id ? existing.get(fields.id) : undefined;
      const fresh = repos.activities.prepareCreate({ ...fields });
      const record = before ? parseOrThrow(ProcessingActivity, { ...fresh, createdAt: before.createdAt }, 'processing activity') : fresh;
      const detail = before ? `fields: ${changedFields(before, record).join(', ')}` : 'new activity';
      ops.push({ table: 'activities', kind: 'put', id: record.id, record, action: 'import', detail: `${format.toUpperCase()} import, ${detail}` });
      if (before) updated += 1;
      else created += 1;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push({ activity: index + 1, message: error.message });
    }
  });
  if (problems.length) throw new ImportRejectedError(problems);
  const replaced = [...existing.values()];
  await repos.store.commit(actor, ops, async (db) => {
    // Refuse if an activity the file replaces changed between reading and writing.
    const now = await db.activities.bulkGet(replaced.map((a) => a.id));
    if (now.some((a, i) => a?.updatedAt !== replaced[i]!.updatedAt))
      throw new ConflictError('The register changed during the import; nothing was imported, try again');
  });
  return { created, updated };
}
