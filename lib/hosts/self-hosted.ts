// Filled in by the self-hosted adapters (osTicket, FreeScout, Zammad).
import type { HelpdeskAdapter } from './adapter';
export const SELF_HOSTED_ADAPTERS: readonly HelpdeskAdapter[] = [];
