// What the organisation's policy (storage.managed) sets, for the options and first-run pages.
import { z } from 'zod';
import { ManagedState } from '../../settings/managed';
import { PAGES, def } from '../define';

export const MANAGED_MESSAGES = {
  'managed.get': def(PAGES, z.object({}), ManagedState, { whileLocked: true }),
} as const;
