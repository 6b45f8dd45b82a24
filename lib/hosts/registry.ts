// All helpdesk adapters, in detection order: SaaS hosts (recognised by URL) first, then
// self-hosted ones (recognised by page fingerprint), then the bundled demo.
import type { HelpdeskAdapter } from './adapter';
import { SAAS_ADAPTERS } from './saas';
import { SELF_HOSTED_ADAPTERS } from './self-hosted';
import { demoAdapter } from './demo/adapter';

export const ALL_ADAPTERS: readonly HelpdeskAdapter[] = [...SAAS_ADAPTERS, ...SELF_HOSTED_ADAPTERS, demoAdapter];

/** The adapter for this page, or undefined when the page is no helpdesk we know. */
export function detectAdapter(url: URL, document?: Document, custom: readonly HelpdeskAdapter[] = []): HelpdeskAdapter | undefined {
  // A custom adapter the DPO configured for this origin wins: it was set up for exactly this helpdesk.
  return [...custom, ...ALL_ADAPTERS].find((adapter) => adapter.matches(url, document));
}
