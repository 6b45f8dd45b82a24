// The end-to-end tests' clock. In the test flavour only (__PD_TEST_BUILD__), every extension context —
// the service worker, the pages and the content script — reads "now" from a clock the test controls, so
// no assertion depends on the day the tests run. The test harness (test/e2e/harness.ts) starts Chromium
// with a user agent that carries `PDTestClock/<offset ms>`; the switch reaches every context of the
// browser, service workers included, synchronously and before any of our code runs. Time keeps flowing
// from the test's instant (timers, countdowns and alarms still work); only its origin moves.
//
// The release build compiles this to nothing: `__PD_TEST_BUILD__` is false there and the bundler drops it.
declare const __PD_TEST_BUILD__: boolean | undefined;
const TEST_BUILD = typeof __PD_TEST_BUILD__ !== 'undefined' && __PD_TEST_BUILD__;

function readOffset(): number {
  if (!TEST_BUILD) return 0;
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const match = /PDTestClock\/(-?\d+)/.exec(agent);
  return match ? Number(match[1]) : 0;
}

/** Milliseconds between the test's clock and the system's (0 outside tests). */
export const clockOffset = readOffset();

if (clockOffset !== 0) {
  const SystemDate = Date;
  class TestDate extends SystemDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(SystemDate.now() + clockOffset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return SystemDate.now() + clockOffset;
    }
  }
  globalThis.Date = TestDate as DateConstructor;
}

/**
 * The browser schedules alarms on the system clock: an instant of ours becomes an alarm time by
 * removing the test offset (identity in the release build).
 */
export function toSystemTime(ms: number): number {
  return ms - clockOffset;
}
