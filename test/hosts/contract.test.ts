// @vitest-environment jsdom
// Contract over every adapter and every saved page (URL detectors with their test URLs,
// selectors with expected match counts, readTicket extracting exactly the expected context).
import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../lib/hosts/registry';
import { loadCases, loadPage } from './fixtures';

for (const adapter of ALL_ADAPTERS) {
  const cases = loadCases(adapter.kind);
  const others = ALL_ADAPTERS.filter((a) => a !== adapter);

  describe(`${adapter.label} adapter`, () => {
    it('has saved pages, a ticket page and a page that is no ticket', () => {
      expect(cases.length).toBeGreaterThanOrEqual(2);
      expect(cases.some((c) => c.expected !== null)).toBe(true);
      expect(cases.some((c) => c.expected === null)).toBe(true);
    });

    for (const c of cases) {
      it(`reads ${c.file} exactly`, () => {
        const doc = loadPage(adapter.kind, c.file, c.url);
        const url = new URL(c.url);
        expect(adapter.matches(url, doc)).toBe(true);
        const ticket = adapter.readTicket(doc, url);
        if (c.expected === null) {
          expect(ticket).toBeNull();
        } else {
          const { language: _ignored, ...read } = ticket ?? ({} as never);
          expect(read).toEqual(c.expected);
          expect(adapter.anchor(doc)).not.toBeNull();
        }
      });

      it(`${c.file} is not claimed by any other adapter`, () => {
        const doc = loadPage(adapter.kind, c.file, c.url);
        const claimedBy = others.filter((o) => o.matches(new URL(c.url), doc)).map((o) => o.kind);
        expect(claimedBy).toEqual([]);
      });
    }

    it('accepts its own test URLs and no other adapter does', () => {
      expect(adapter.testUrls.length).toBeGreaterThan(0);
      const pageCase = cases.find((c) => c.expected !== null);
      const doc = pageCase ? loadPage(adapter.kind, pageCase.file, pageCase.url) : undefined;
      for (const raw of adapter.testUrls) {
        const url = new URL(raw);
        expect(adapter.matches(url, doc), raw).toBe(true);
        for (const other of others) expect(other.matches(url, doc), `${other.kind} claims ${raw}`).toBe(false);
      }
    });

    for (const [name, spec] of Object.entries(adapter.selectors)) {
      it(`selector "${name}" matches as many elements as expected`, () => {
        expect(Object.keys(spec.expect).length).toBeGreaterThan(0);
        for (const [file, count] of Object.entries(spec.expect)) {
          const c = cases.find((x) => x.file === file);
          expect(c, `no case for ${file}`).toBeDefined();
          const doc = loadPage(adapter.kind, file, c!.url);
          expect(doc.querySelectorAll(spec.selector).length, `${name} in ${file}`).toBe(count);
        }
      });
    }
  });
}
