// All handler groups, joined. The type checker makes sure every message of the protocol has a handler.
import type { Handlers } from '../../../lib/messaging/server';
import type { Repositories } from '../../../lib/db/repositories';
import { createContext, type BackgroundHooks } from './context';
import { coreHandlers } from './core';
import { registerHandlers } from './register';
import { documentsHandlers } from './documents';
import { managedHandlers } from '../managed';
import { trustGroup } from './trust';
import { teamHandlers } from './team';
import { breachHandlers } from './breaches';
import { deletedHandlers } from './deleted';
import { customHelpdeskHandlers } from '../custom-helpdesks';

export type { BackgroundHooks } from './context';

export function createHandlers(repos: Repositories, hooks: BackgroundHooks): Handlers {
  const ctx = createContext(repos, hooks);
  const trust = trustGroup(ctx);
  // The passphrase lock's gate wraps every group: while locked, only messages without personal data pass.
  return trust.guard({
    ...coreHandlers(ctx),
    ...registerHandlers(ctx),
    ...documentsHandlers(ctx),
    ...managedHandlers(),
    ...trust.handlers,
    ...teamHandlers(ctx),
    ...breachHandlers(ctx),
    ...deletedHandlers(ctx),
    ...customHelpdeskHandlers(() => hooks.injectIntoOpenTabs()),
  });
}
