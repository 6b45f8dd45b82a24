// The SaaS helpdesk adapters, recognised by their vendor's host names (see each url.ts).
import type { HelpdeskAdapter } from './adapter';
import { zendeskAdapter } from './zendesk/adapter';
import { freshdeskAdapter } from './freshdesk/adapter';
import { zohoDeskAdapter } from './zohodesk/adapter';
import { liveAgentAdapter } from './liveagent/adapter';
import { helpScoutAdapter } from './helpscout/adapter';

export const SAAS_ADAPTERS: readonly HelpdeskAdapter[] = [
  zendeskAdapter,
  freshdeskAdapter,
  zohoDeskAdapter,
  liveAgentAdapter,
  helpScoutAdapter,
];
