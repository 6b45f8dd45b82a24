// npm start — builds the extension and opens Chromium with it on the bundled demo helpdesk.
// With no display ($DISPLAY unset) it runs headless: flags a demo ticket, writes screenshots of the
// overlay and the side panel to demo-output/, prints their paths and exits 0.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}. Install it with: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

// The demo uses the test flavour: it may reach the localhost demo helpdesk without a permission prompt.
const build = spawnSync('npm', ['run', '--silent', 'build:test'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const extensionDir = join(root, '.output/chrome-mv3-test');

const headless = !process.env.DISPLAY;
const { server, origin } = await startServer(headless ? 0 : Number(process.env.PORT ?? 4173));
const profile = mkdtempSync(join(tmpdir(), 'pd-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless,
  viewport: { width: 1280, height: 820 },
  args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
await worker.evaluate(async () => {
  for (let i = 0; i < 100 && (await chrome.scripting.getRegisteredContentScripts()).length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
});

// Headless, the demo drives the overlay with Playwright, whose locators cannot enter the overlay's closed
// shadow root: the test flavour opens it when asked through the extension's own storage (as the e2e
// harness does; entrypoints/helpdesk.content/trusted.ts). With a display the overlay stays closed.
if (headless) await worker.evaluate(() => chrome.storage.local.set({ pdTestOpenOverlay: true }));

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${origin}/tickets/1043`);
const overlay = page.locator('privacy-desk-overlay .pd');
await overlay.waitFor({ timeout: 15_000 });

if (!headless) {
  console.log(`Demo helpdesk: ${origin}/tickets — side panel: chrome-extension://${extensionId}/sidepanel.html\nClose the browser window to stop.`);
  await new Promise((resolve) => context.on('close', resolve));
  server.close();
  process.exit(0);
}

const out = join(root, 'demo-output');
mkdirSync(out, { recursive: true });
// Flag the demo ticket so the side panel has something to show.
await overlay.getByRole('button').filter({ hasText: /flag|markeren|markieren|segna/i }).first().click();
await overlay.locator('[role=status]').waitFor({ timeout: 10_000 });
const overlayShot = join(out, 'overlay.png');
await page.screenshot({ path: overlayShot });
const panel = await context.newPage();
await panel.setViewportSize({ width: 420, height: 760 });
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
await panel.locator('[data-testid=queue-row]').first().waitFor({ timeout: 10_000 });
const panelShot = join(out, 'sidepanel.png');
await panel.screenshot({ path: panelShot });
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
console.log(`Screenshots written:\n  ${overlayShot}\n  ${panelShot}`);
