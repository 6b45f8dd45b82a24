// Filled in by the SaaS adapters (Zendesk, Freshdesk, Zoho Desk, LiveAgent, Help Scout).
import type { HelpdeskAdapter } from './adapter';
export const SAAS_ADAPTERS: readonly HelpdeskAdapter[] = [];
