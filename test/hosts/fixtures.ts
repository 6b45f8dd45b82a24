// Loads the saved helpdesk pages under test/fixtures/<helpdesk>/ with the URL each was saved from.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { z } from 'zod';
import { TicketContext } from '../../lib/model/helpdesk';

/** test/fixtures/<helpdesk>/cases.json: one entry per saved page. */
export const FixtureCase = z.object({
  file: z.string(),
  url: z.url(),
  /** The ticket the adapter must read from the page; null for pages that are no ticket (lists). */
  expected: TicketContext.omit({ language: true }).nullable(),
  /** Where the page's structure comes from (source template, docs page). */
  source: z.string().min(1),
});
export type FixtureCase = z.infer<typeof FixtureCase>;

// Paths, not URL objects: under the jsdom environment `URL` is jsdom's, which node:fs does not accept.
export const fixtureDir = (helpdesk: string) => join(fileURLToPath(import.meta.url), '..', '..', 'fixtures', helpdesk);

export function loadCases(helpdesk: string): FixtureCase[] {
  const file = join(fixtureDir(helpdesk), 'cases.json');
  if (!existsSync(file)) return [];
  return z.array(FixtureCase).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function loadPage(helpdesk: string, fileName: string, url: string): Document {
  const html = readFileSync(join(fixtureDir(helpdesk), fileName), 'utf8');
  // Scripts never run: fixture pages are markup only, as the content script sees them.
  return new JSDOM(html, { url }).window.document;
}
