// The helpdesk page's own script (an XSS in the helpdesk, an add-on on that origin) must gain nothing
// from the overlay. Its root is closed, so the page cannot reach our elements; and every handler that
// acts (flags, records, looks up, opens a tab) or chooses what will be recorded runs only for events
// the browser generated from the user's input (`isTrusted`), never for events a script dispatched.

/** Wraps an event handler so that script-dispatched events are ignored. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (!event.isTrusted) return;
    handler(event);
  };
}

/**
 * The overlay's shadow root is closed in every release build. Only the test flavour may open it, and
 * only when the test harness asked through the extension's own storage (which no web page can write),
 * so that Playwright's locators, which cannot pierce closed roots, can drive the overlay. The attack
 * test (test/e2e/hostile-page.e2e.ts) runs the test flavour without that request: the closed root.
 */
export function overlayShadowMode(testBuild: boolean, harnessAskedOpen: boolean): ShadowRootMode {
  return testBuild && harnessAskedOpen ? 'open' : 'closed';
}

/** The storage key the test harness sets (test/e2e/harness.ts). */
export const TEST_OPEN_OVERLAY_KEY = 'pdTestOpenOverlay';
