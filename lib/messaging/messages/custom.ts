// Custom helpdesks (options page): try selectors on an open tab of the helpdesk, and bring the
// overlay to open tabs once they are saved.
import { z } from 'zod';
import { CustomHelpdesk } from '../../settings/custom-helpdesks';
import { PAGES, def } from '../define';

export const SelectorReport = z.record(z.string(), z.object({ count: z.number().int(), sample: z.string(), error: z.string().optional() }));

export const CUSTOM_MESSAGES = {
  /** Runs the selectors in an open tab of the origin; samples come back censored (letters x, digits 0). */
  'custom.test': def(PAGES, CustomHelpdesk, z.object({ url: z.string(), report: SelectorReport })),
  /** After saving: tabs already open on granted origins get the overlay. */
  'custom.refresh': def(PAGES, z.object({}), z.object({ injected: z.number().int() })),
} as const;
