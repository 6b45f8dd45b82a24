// Answers the "recently deleted" view: list what is still restorable and restore it.
import type { HandlersOf } from '../../../lib/messaging/server';
import type { DELETED_MESSAGES } from '../../../lib/messaging/messages/deleted';
import { listDeleted, restoreDeleted } from '../../../lib/db/recently-deleted';
import { DEFAULT_RECOVERY_DAYS } from '../../../lib/db/store';
import type { HandlerContext } from './context';

export function deletedHandlers(ctx: HandlerContext): HandlersOf<typeof DELETED_MESSAGES> {
  const { repos, hooks, actor } = ctx;
  return {
    'deleted.list': async () => ({ items: await listDeleted(repos, DEFAULT_RECOVERY_DAYS), recoveryDays: DEFAULT_RECOVERY_DAYS }),
    'deleted.restore': async ({ table, id }) => {
      await restoreDeleted(repos, await actor(), table, id);
      // A restored request or breach is back in the badge's count.
      hooks.requestsChanged();
      return { table, id };
    },
  };
}
