// Custom helpdesks in the content script: the adapters the DPO configured for this page's origin
// (options page, lib/settings/custom-helpdesks.ts), and the options page's "test on this tab", which
// the background relays here. Samples of page text leave this tab only censored.
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { HelpdeskAdapter } from '../../lib/hosts/adapter';
import type { CustomSelectors } from '../../lib/model/helpdesk';
import { createCustomAdapter, CUSTOM_HELPDESKS_KEY, MANAGED_CUSTOM_HELPDESKS_KEY, testCustomSelectors } from '../../lib/hosts/custom/adapter';

export const TEST_SELECTORS_MESSAGE = 'pd-test-selectors';
const FIELDS = ['ticketId', 'subject', 'requesterName', 'requesterEmail', 'messages', 'anchor'] as const;

/** Light check (the options page validated with the schema when saving): strings where strings belong. */
function asSelectors(value: unknown): CustomSelectors | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  for (const field of FIELDS) if (v[field] !== undefined && typeof v[field] !== 'string') return undefined;
  if (FIELDS.some((f) => f !== 'requesterEmail' && typeof v[f] !== 'string')) return undefined;
  return v as unknown as CustomSelectors;
}

export async function customAdaptersFor(origin: string): Promise<HelpdeskAdapter[]> {
  const got = await browser.storage.local.get([MANAGED_CUSTOM_HELPDESKS_KEY, CUSTOM_HELPDESKS_KEY]);
  // The organisation's presets first: for the same origin they win over the user's own.
  const stored: unknown[] = [got[MANAGED_CUSTOM_HELPDESKS_KEY], got[CUSTOM_HELPDESKS_KEY]].flatMap((list: unknown) => (Array.isArray(list) ? list : []));
  return stored.flatMap((entry: unknown) => {
    const e = entry as { origin?: unknown; selectors?: unknown };
    const selectors = asSelectors(e?.selectors);
    if (e?.origin !== origin || !selectors) return [];
    try {
      return [createCustomAdapter(origin, selectors)];
    } catch {
      return [];
    }
  });
}

/** Letters become x and digits 0: the shape of what a selector found, never the customer's words. */
export function censorSample(text: string): string {
  return text.replace(/\p{L}/gu, 'x').replace(/\p{N}/gu, '0');
}

/** Answers the background's "test these selectors on this tab", only from our own background. */
export function listenForSelectorTests(extensionId: string): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    const m = message as { type?: unknown; selectors?: unknown } | null;
    if (sender.id !== extensionId || sender.tab !== undefined || m?.type !== TEST_SELECTORS_MESSAGE) return undefined;
    const selectors = asSelectors(m.selectors);
    if (!selectors) return Promise.resolve({ error: 'invalid selectors' });
    const report = testCustomSelectors(document, selectors);
    const censored = Object.fromEntries(Object.entries(report).map(([field, r]) => [field, { ...r, sample: censorSample(r?.sample ?? '') }]));
    // The origin only: the path may name the ticket.
    return Promise.resolve({ url: location.origin, report: censored });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
