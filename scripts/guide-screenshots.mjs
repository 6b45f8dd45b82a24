// node scripts/guide-screenshots.mjs [--run] — the user guide's images (docs/images/, linked from the
// README) are the end-to-end tests' screenshots, copied under stable names, never drawn by hand.
// --run first runs the tests that take them (a11y, managed, a11y-languages, keyboard, firstrun);
// without it the screenshots already in test-output/screenshots/ are used.
// The images are generated, so they are not committed (.gitignore).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shots = join(root, 'test-output/screenshots');
const out = join(root, 'docs/images');

/** guide image ← test screenshot (and the test that takes it). */
const GUIDE = {
  'agent-ticket.png': ['ui-ticket-light.png', 'a11y'],
  'agent-overlay.png': ['ui-overlay-light.png', 'a11y'],
  'agent-overlay-flagged.png': ['ui-overlay-flagged-light.png', 'a11y'],
  'agent-overlay-record.png': ['ui-overlay-forms-light.png', 'a11y'],
  'agent-overlay-dark.png': ['ui-overlay-dark.png', 'a11y'],
  'dpo-queue.png': ['ui-sidepanel-queue-light.png', 'a11y'],
  'dpo-request.png': ['ui-sidepanel-request-light.png', 'a11y'],
  'dpo-request-dark.png': ['ui-sidepanel-request-dark.png', 'a11y'],
  'dpo-register.png': ['ui-sidepanel-register-light.png', 'a11y'],
  'dpo-log.png': ['ui-sidepanel-events-light.png', 'a11y'],
  'dpo-consent.png': ['ui-sidepanel-consent-light.png', 'a11y'],
  'dpo-completed-by-keyboard.png': ['keyboard-completed.png', 'keyboard'],
  'dpo-queue-de.png': ['lang-de-sidepanel.png', 'a11y-languages'],
  'legal-options.png': ['ui-options-light.png', 'a11y'],
  'legal-documents.png': ['ui-documents-light.png', 'a11y'],
  'admin-options-managed.png': ['options-managed.png', 'managed'],
  'welcome-organisation.png': ['welcome-1.png', 'firstrun'],
  'welcome-helpdesk.png': ['welcome-2.png', 'firstrun'],
  'welcome-done.png': ['welcome-3.png', 'firstrun'],
};

if (process.argv.includes('--run')) {
  const tests = [...new Set(Object.values(GUIDE).map(([, test]) => `test/e2e/${test}.e2e.ts`))];
  const r = spawnSync('npm', ['run', '--silent', 'test:e2e', '--', ...tests], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const missing = Object.entries(GUIDE).filter(([, [shot]]) => !existsSync(join(shots, shot)));
if (missing.length) {
  console.error(
    `guide-screenshots: missing in ${shots}:\n${missing.map(([, [shot, test]]) => `  ${shot} (test/e2e/${test}.e2e.ts)`).join('\n')}\n` +
      'Run the end-to-end tests first (npm run test:e2e), or: node scripts/guide-screenshots.mjs --run',
  );
  process.exit(1);
}
mkdirSync(out, { recursive: true });
for (const [image, [shot]] of Object.entries(GUIDE)) copyFileSync(join(shots, shot), join(out, image));
console.log(`${Object.keys(GUIDE).length} guide images written to ${out}`);
