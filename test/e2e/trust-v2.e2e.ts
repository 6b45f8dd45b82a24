// The disk attack end to end in Chromium: someone copies the browser profile and searches its files.
// Before, a requester's e-mail and name were still in IndexedDB's LevelDB files after the lock was
// turned on, and after the subject was erased. Now both end with a rebuild of the database, and the
// files of the closed profile hold neither.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchExtension, sendFrom } from './harness';

const PASS = 'correct horse battery staple';

/** Every file under the profile's IndexedDB folder, searched for the text as stored (Latin-1 and UTF-16). */
function onDisk(profile: string, text: string): string[] {
  const root = join(profile, 'Default', 'IndexedDB');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(root);
  const needles = [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le')];
  return files.filter((f) => {
    const bytes = readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
}

const ticket = (id: string, email: string, name: string) => ({
  helpdesk: 'demo',
  ticketId: id,
  ticketUrl: `http://localhost:4173/tickets/${id}`,
  subject: 'Request for access',
  requesterName: name,
  requesterEmail: email,
  messages: [{ author: 'customer', text: 'Please send me my data.' }],
});

describe('what stays on disk', () => {
  it('after turning the lock on and after an erasure, the profile\'s files hold no e-mail or name of the requesters', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'pd-disk-'));
    try {
      const first = await launchExtension({ profile });
      const page = await first.context.newPage();
      await page.goto(first.extensionUrl('options.html'));
      const kept = (await sendFrom(page, 'overlay.flag', { ticket: ticket('501', 'lockme.kept@example.org', 'Keptname Sealedperson'), type: 'access' })) as { ok: boolean };
      expect(kept.ok).toBe(true);
      const erased = (await sendFrom(page, 'overlay.flag', { ticket: ticket('502', 'eraseme.gone@example.org', 'Gonename Erasedperson'), type: 'erasure' })) as { ok: boolean; data: { subjectId: string } };
      expect(erased.ok).toBe(true);
      expect(await sendFrom(page, 'trust.enable', { passphrase: PASS })).toMatchObject({ ok: true });
      expect(await sendFrom(page, 'subjects.erase', { subjectId: erased.data.subjectId, confirm: true })).toMatchObject({ ok: true });
      await first.close();

      for (const text of ['lockme.kept@example.org', 'Sealedperson', 'eraseme.gone@example.org', 'Erasedperson']) expect(onDisk(profile, text), text).toEqual([]);

      // The rebuilt database still opens, unlocks and holds the kept request.
      const second = await launchExtension({ profile });
      const again = await second.context.newPage();
      await again.goto(second.extensionUrl('options.html'));
      expect(await sendFrom(again, 'trust.status', {})).toMatchObject({ ok: true, data: { state: 'locked' } });
      expect(await sendFrom(again, 'trust.unlock', { passphrase: PASS })).toMatchObject({ ok: true });
      const queue = (await sendFrom(again, 'requests.query', {})) as { ok: boolean; data: { rows: Array<{ subject?: { emails?: string[] } }> } };
      expect(JSON.stringify(queue)).toContain('lockme.kept@example.org');
      await second.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
