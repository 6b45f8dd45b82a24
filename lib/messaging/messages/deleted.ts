// Recently deleted: the soft-deleted records the DPO can still restore before the purge. Extension pages
// only — a helpdesk page never lists or restores records.
import { z } from 'zod';
import { Id } from '../../model/common';
import { DeletedItem, SoftDeleteTable } from '../../model/deleted';
import { PAGES, def } from '../define';

export const DELETED_MESSAGES = {
  'deleted.list': def(PAGES, z.object({}), z.object({ items: z.array(DeletedItem), recoveryDays: z.number().int() })),
  'deleted.restore': def(PAGES, z.object({ table: SoftDeleteTable, id: Id }), z.object({ table: SoftDeleteTable, id: Id })),
} as const;
