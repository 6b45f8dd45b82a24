// UI timings in real Chromium with the cached 100 000-request database (bench/chromium.ts):
// the side panel's first paint and filter time. (The overlay's timings: bench/overlay-chromium.ts.)
import { launchBenchBrowser } from './chromium';
import { percentile, round, type BenchRow } from './types';
// @ts-expect-error plain ESM script without types
import { startServer } from '../scripts/serve.mjs';

const FIRST_ROW_STAMP = `new MutationObserver((_, observer) => {
  if (document.querySelector('.row-button')) {
    window.__pdFirstRow = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, childList: true });`;

const FILTER_AND_WAIT = `new Promise((resolve) => {
  const select = document.querySelector('#f-type');
  const count = () => document.querySelector('[data-testid=queue-count]')?.textContent ?? '';
  let reset = false;
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (count() === '…') reset = true;
    else if (reset && (document.querySelector('.row-button') || !/\\d/.test(count()))) {
      observer.disconnect();
      resolve(performance.now() - t0);
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  select.value = __VALUE__;
  select.dispatchEvent(new Event('change', { bubbles: true }));
})`;

export async function benchUiChromium(): Promise<BenchRow[]> {
  const { context, extensionId } = await launchBenchBrowser();
  const { server, origin } = (await startServer(0)) as { server: import('node:http').Server; origin: string };
  const rows: BenchRow[] = [];
  try {
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    const paints: number[] = [];
    const waits: number[] = [];
    let total = '';
    // Stamp the first rendered row from inside the page, so Playwright's polling is not counted.
    await panel.addInitScript(FIRST_ROW_STAMP);
    for (let i = 0; i < 7; i += 1) {
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      await panel.waitForSelector('.row-button', { timeout: 60_000 });
      paints.push((await panel.evaluate('window.__pdFirstRow')) as number);
      // queue.tsx marks its first page request and the background's reply.
      waits.push((await panel.evaluate(`(() => { const m = Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime])); return m['pd:page-reply'] - m['pd:page-request']; })()`)) as number);
      // Let the count that follows the first page finish before the next navigation, as it would when
      // a DPO opens the panel once; otherwise the previous page's count is still running in the background.
      for (let t = 0; t < 600 && (await panel.locator('[data-testid=queue-count]').textContent()) === '…'; t += 1) await panel.waitForTimeout(100);
      total = (await panel.locator('[data-testid=queue-count]').textContent()) ?? '';
    }
    const note = `Chromium, ${total} open of 100,000 stored`;
    rows.push({ group: 'side panel', name: 'first paint with data, median', value: round(percentile(paints.slice(2), 50), 0), unit: 'ms', note });
    rows.push({ group: 'side panel', name: 'first paint with data, max', value: round(Math.max(...paints.slice(2)), 0), unit: 'ms', note });
    rows.push({ group: 'side panel', name: 'first page: request → reply at load, median', value: round(percentile(waits.slice(2), 50), 0), unit: 'ms', note: 'the same query answers in ~5–15 ms once the page has settled' });
    const filters: number[] = [];
    for (const type of ['erasure', 'access', 'portability', '', 'objection', 'rectification', '']) {
      // In the page: change the filter, then wait for the count to go through "…" (reset) and come
      // back with the first page rendered. Counts may repeat between types, so text alone is no signal.
      // A string, not a function: tsx's keepNames would wrap inner functions in a helper the page lacks.
      filters.push((await panel.evaluate(FILTER_AND_WAIT.replace('__VALUE__', JSON.stringify(type)))) as number);
    }
    rows.push({ group: 'side panel', name: 'filter by type (count + first page), median', value: round(percentile(filters, 50), 0), unit: 'ms', note: 'Chromium, 100,000 stored requests' });

  } finally {
    await context.close();
    server.close();
  }
  return rows;
}
