// The first-run page (entrypoints/welcome/): organisation profile → first helpdesk origin → done.
import browser from 'webextension-polyfill';
import type { ManagedState } from '../../lib/settings/managed';

// Set by wxt.config.ts: the test flavour starts without the welcome tab, so e2e tests and `npm start`
// open a clean browser; a test that wants it sets showWelcome in the policy (test/e2e/managed.e2e.ts).
declare const __PD_TEST_BUILD__: boolean | undefined;
const TEST_BUILD = typeof __PD_TEST_BUILD__ !== 'undefined' && __PD_TEST_BUILD__;

/** Opens the welcome page after a fresh install, unless the organisation's policy says not to. */
export async function welcomeOnInstall(managed: ManagedState): Promise<void> {
  if (!(managed.showWelcome ?? !TEST_BUILD)) return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
