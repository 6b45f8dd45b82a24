// Custom helpdesks: for a helpdesk we ship no adapter for, or one on its own domain, a DPO gives the
// origin and CSS selectors in the options page (lib/hosts/custom/adapter.ts explains the syntax). They
// are kept in the extension's storage.local, which the content script reads at start; the schema is
// checked when the options page saves and when the background hands them out.
import { z } from 'zod';
import { CustomSelectors } from '../model/helpdesk';
import { CUSTOM_HELPDESKS_KEY, MANAGED_CUSTOM_HELPDESKS_KEY, unsafePattern, URL_PATTERN_PREFIX } from '../hosts/custom/adapter';

export { CUSTOM_HELPDESKS_KEY, MANAGED_CUSTOM_HELPDESKS_KEY };

export const CustomHelpdesk = z.object({
  origin: z.string().regex(/^https?:\/\/[^/]+$/, 'must be an origin like https://support.example.com'),
  selectors: CustomSelectors.superRefine((s, ctx) => {
    const id = s.ticketId.trim();
    if (!id.startsWith(URL_PATTERN_PREFIX)) return;
    const unsafe = unsafePattern(id.slice(URL_PATTERN_PREFIX.length).trim());
    if (unsafe) ctx.addIssue({ code: 'custom', path: ['ticketId'], message: `the url: pattern ${unsafe}` });
  }),
});
export type CustomHelpdesk = z.infer<typeof CustomHelpdesk>;
export const CustomHelpdesks = z.array(CustomHelpdesk).max(50);

/** The stored list, with entries that no longer validate left out. */
export function parseCustomHelpdesks(raw: unknown): CustomHelpdesk[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = CustomHelpdesk.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
