// A soft-deleted record as the "recently deleted" view lists it (README: soft delete with a recovery
// window, then purge).
import { z } from 'zod';
import { Id, Instant } from './common';
import { RequestType } from './request';

/** The tables whose records a delete keeps for the recovery window (each has a deletedAt index). */
export const SOFT_DELETE_TABLES = ['requests', 'subjects', 'activities', 'events', 'subprocessors', 'breaches'] as const;
export const SoftDeleteTable = z.enum(SOFT_DELETE_TABLES);
export type SoftDeleteTable = z.infer<typeof SoftDeleteTable>;

export const DeletedItem = z.object({
  table: SoftDeleteTable,
  id: Id,
  /** What the record is called where the DPO met it: a name, a title, an e-mail. */
  title: z.string(),
  /** For requests: their type, so the page names it in the user's language. */
  requestType: RequestType.optional(),
  deletedAt: Instant,
  /** The instant after which the daily purge removes it for good. */
  purgeAt: Instant,
});
export type DeletedItem = z.infer<typeof DeletedItem>;
