// The helpdesk content script is registered at run time for exactly the origins the user granted
// (optional host permissions, SPEC §1), never for all sites at install.
import browser from 'webextension-polyfill';

const SCRIPT_ID = 'privacy-desk-helpdesk';

export async function syncContentScripts(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = origins.filter((o) => /^https?:\/\//.test(o) && o !== 'https://*/*' && o !== 'http://*/*');
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return [];
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, js: ['content-scripts/helpdesk.js'], matches, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
  return matches;
}
