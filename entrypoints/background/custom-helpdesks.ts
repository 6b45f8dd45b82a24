// Custom helpdesks in the background: relays the options page's "test on this tab" to the content
// script in an open tab of that origin, and injects the overlay into open tabs after a save.
import browser from 'webextension-polyfill';
import type { HandlersOf } from '../../lib/messaging/server';
import { SelectorReport, type CUSTOM_MESSAGES } from '../../lib/messaging/messages/custom';
import { ValidationError } from '../../lib/model/errors';
import { originPattern } from '../../lib/settings/managed';

const TEST_SELECTORS_MESSAGE = 'pd-test-selectors';

export function customHelpdeskHandlers(injectIntoOpenTabs: () => Promise<number>): HandlersOf<typeof CUSTOM_MESSAGES> {
  return {
    'custom.test': async ({ origin, selectors }) => {
      const tabs = await browser.tabs.query({ url: originPattern(origin) });
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        const answer = (await browser.tabs.sendMessage(tab.id, { type: TEST_SELECTORS_MESSAGE, selectors }).catch(() => undefined)) as { url?: unknown; report?: unknown } | undefined;
        const report = SelectorReport.safeParse(answer?.report);
        if (report.success && typeof answer?.url === 'string') return { url: answer.url, report: report.data };
      }
      throw new ValidationError('Selector test', ['origin'], `no open tab of ${origin} where Privacy Desk may run: open a ticket there (after saving, so the origin is granted) and try again`);
    },
    'custom.refresh': async () => ({ injected: await injectIntoOpenTabs() }),
  };
}
