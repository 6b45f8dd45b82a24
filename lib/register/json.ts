// The register as a JSON file: a versioned envelope validated with zod (RegisterFile in ./schema).
// Lists keep vocabulary keys; the custom entries they use travel in `vocabulary`, so another
// installation shows their labels.
import type { ProcessingActivity } from '../model/activity';
import { REGISTER_FILE_FORMAT, REGISTER_FILE_VERSION, RegisterFile, type ActivityFields, type ImportProblem, type ImportResult } from './schema';
import { VOCABULARY_FIELD, VOCABULARY_KINDS, type CustomVocabularyEntry, type VocabularyKind } from './vocabulary';

/** A stored activity as it appears in the file: its fields and id, without bookkeeping. */
export function toFileActivity(activity: ProcessingActivity): ActivityFields {
  const { createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = activity;
  return fields;
}

/** The register as JSON text, with the custom vocabulary entries the activities use. */
export function exportJson(activities: readonly ProcessingActivity[], custom: readonly CustomVocabularyEntry[], exportedAt: string): string {
  const used = new Set(activities.flatMap((a) => [...a.purposes, ...a.dataSubjectCategories, ...a.personalDataCategories]));
  const file: RegisterFile = {
    format: REGISTER_FILE_FORMAT,
    version: REGISTER_FILE_VERSION,
    exportedAt,
    vocabulary: custom.filter((c) => used.has(c.key)),
    activities: activities.map(toFileActivity),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * A custom key of the file becomes the local entry with the same kind and label, else the label itself
 * (free text), so a foreign `x-…` key never shows up unexplained.
 */
function mapCustomKeys(activity: ActivityFields, fileVocabulary: readonly CustomVocabularyEntry[], local: readonly CustomVocabularyEntry[]): ActivityFields {
  const fold = (s: string) => s.trim().toLocaleLowerCase('en');
  const mapValue = (kind: VocabularyKind, value: string) => {
    const entry = fileVocabulary.find((c) => c.kind === kind && c.key === value);
    if (!entry) return value;
    const same = local.find((c) => c.kind === kind && c.key === entry.key && fold(c.label) === fold(entry.label));
    if (same) return same.key;
    return local.find((c) => c.kind === kind && fold(c.label) === fold(entry.label))?.key ?? entry.label;
  };
  const out = { ...activity };
  for (const kind of VOCABULARY_KINDS) {
    const field = VOCABULARY_FIELD[kind];
    out[field] = activity[field].map((v) => mapValue(kind, v));
  }
  out.specialCategories = activity.specialCategories.map((s) => ({ ...s, category: mapValue('personalData', s.category) }));
  return out;
}

/** Reads a JSON register file. Returns every activity, or every problem with the activity's position. */
export function importJson(content: string, local: readonly CustomVocabularyEntry[] = []): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(content.startsWith('\uFEFF') ? content.slice(1) : content);
  } catch (error) {
    return { ok: false, problems: [{ message: `not valid JSON (${(error as Error).message})` }] };
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== REGISTER_FILE_FORMAT)
    return { ok: false, problems: [{ field: 'format', message: `not a Privacy Desk register file (expected format "${REGISTER_FILE_FORMAT}")` }] };
  if (head.version !== REGISTER_FILE_VERSION)
    return { ok: false, problems: [{ field: 'version', message: `version ${String(head.version)} is not supported (this Privacy Desk reads version ${REGISTER_FILE_VERSION})` }] };
  const parsed = RegisterFile.safeParse(data);
  if (!parsed.success) {
    const problems: ImportProblem[] = parsed.error.issues.slice(0, 50).map((issue) => {
      const [top, index, ...rest] = issue.path;
      if (top === 'activities' && typeof index === 'number') return { activity: index + 1, field: rest.map(String).join('.') || 'activity', message: issue.message };
      return { field: issue.path.map(String).join('.') || 'file', message: issue.message };
    });
    return { ok: false, problems };
  }
  const ids = new Map<string, number>();
  const problems: ImportProblem[] = [];
  parsed.data.activities.forEach((a, i) => {
    if (!a.id) return;
    if (ids.has(a.id)) problems.push({ activity: i + 1, field: 'id', message: `the same id as activity ${ids.get(a.id)}` });
    else ids.set(a.id, i + 1);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, activities: parsed.data.activities.map((a) => mapCustomKeys(a, parsed.data.vocabulary, local)) };
}
