// The shapes the register exchanges: an activity's own fields (what the editor sends and an import
// reads) and the versioned JSON file.
import { z } from 'zod';
import { Id, Instant } from '../model/common';
import { ProcessingActivity } from '../model/activity';
import { CustomVocabulary } from './vocabulary';

/** An activity without the stored record's bookkeeping; `id` present means "this activity". */
export const ActivityFields = ProcessingActivity.omit({ id: true, createdAt: true, updatedAt: true, deletedAt: true }).extend({ id: Id.optional() });
export type ActivityFields = z.infer<typeof ActivityFields>;
export type ActivityFieldsInput = z.input<typeof ActivityFields>;

export const REGISTER_FILE_FORMAT = 'privacy-desk/register';
export const REGISTER_FILE_VERSION = 1;

/**
 * The JSON export (documented in lib/register/README.md). Version 1:
 *   { format: 'privacy-desk/register', version: 1, exportedAt, vocabulary: [custom entries],
 *     activities: [activity fields with their id] }
 * Vocabulary keys in the lists are resolved through built-in entries, then `vocabulary`.
 */
/** The most activities one import reads (CSV rows or JSON entries): beyond it the file is refused unread. */
export const MAX_IMPORT_ACTIVITIES = 10_000;
export const TOO_MANY_ACTIVITIES = 'a register file holds at most 10 000 activities';

export const RegisterFile = z.object({
  format: z.literal(REGISTER_FILE_FORMAT),
  version: z.literal(REGISTER_FILE_VERSION),
  exportedAt: Instant,
  vocabulary: CustomVocabulary.default([]),
  activities: z.array(ActivityFields).max(MAX_IMPORT_ACTIVITIES, TOO_MANY_ACTIVITIES),
});
export type RegisterFile = z.infer<typeof RegisterFile>;

/** One reason an import was refused: where (line of a CSV file, or position in a JSON file) and which field. */
export interface ImportProblem {
  /** 1-based line of the CSV file where the row starts (the header is line 1). */
  line?: number;
  /** 1-based position of the activity in a JSON file. */
  activity?: number;
  field?: string;
  message: string;
}

export type ImportResult = { ok: true; activities: ActivityFields[] } | { ok: false; problems: ImportProblem[] };

/** "line 4, legalBasis: …" / "activity 2, controller.email: …" / "format: …". */
export function describeProblem(p: ImportProblem): string {
  const where = p.line !== undefined ? `line ${p.line}` : p.activity !== undefined ? `activity ${p.activity}` : '';
  const head = [where, p.field].filter(Boolean).join(', ');
  return head ? `${head}: ${p.message}` : p.message;
}
