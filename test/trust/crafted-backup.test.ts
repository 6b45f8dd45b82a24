// Attack: a crafted backup handed to the DPO and restored in replace mode. Its checksum is unkeyed (anyone
// can recompute it), and before, any setting passed: the file could plant the install secret (making
// later erasure pseudonyms computable by its author), the name this browser acts under, and a fake
// "audit chain last verified" result.
import { describe, expect, it } from 'vitest';
import { createBackup, restoreFromFile } from '../../lib/backup/service';
import { BackupError } from '../../lib/backup/format';
import { canonicalJson } from '../../lib/audit/canonical-json';
import { sha256Hex } from '../../lib/audit/sha256';
import { populate } from '../backup/helpers';
import { setup } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function resign(file: Json): Promise<string> {
  const { sha256: _old, ...unsigned } = file;
  return JSON.stringify({ ...unsigned, sha256: await sha256Hex(canonicalJson(unsigned)) });
}

async function craft(extra: Array<{ key: string; value: unknown }>): Promise<string> {
  const { repos } = setup();
  await populate(repos);
  const file = JSON.parse((await createBackup(repos)).text) as Json;
  file.content.settings.push(...extra);
  return resign(file);
}

const settingsOf = async (repos: ReturnType<typeof setup>['repos']) => Object.fromEntries((await repos.db.settings.toArray()).map((s) => [s.key, s.value]));

describe('a crafted backup restored in replace mode', () => {
  it('cannot plant the install secret, the actor name or a verification result', async () => {
    const text = await craft([
      { key: 'installSecret', value: '0'.repeat(64) },
      { key: 'actorName', value: 'Mallory' },
      { key: 'lastAuditVerify', value: { ok: true, entries: 999, head: 'f'.repeat(64), at: '2026-03-01T00:00:00.000Z' } },
    ]);
    const target = setup();
    await target.repos.db.settings.bulkPut([
      { key: 'installSecret', value: '1'.repeat(64) },
      { key: 'actorName', value: 'Dana DPO' },
    ]);
    await restoreFromFile(target.repos, 'Dana DPO', text, { mode: 'replace' });
    const settings = await settingsOf(target.repos);
    expect(settings.installSecret).toBe('1'.repeat(64));
    expect(settings.actorName).toBe('Dana DPO');
    expect(settings.lastAuditVerify).toBeUndefined();
  });

  it('is refused, changing nothing, when it carries a setting no backup may carry or a setting of the wrong shape', async () => {
    const target = setup();
    await target.repos.db.settings.put({ key: 'badgeDays', value: 7 });
    for (const extra of [{ key: 'encryptionDisabled', value: true }, { key: 'badgeDays', value: 'all' }, { key: 'documents.template.x', value: { source: '{{#each}}' } }]) {
      const text = await craft([extra]);
      const error = await restoreFromFile(target.repos, 'Dana DPO', text, { mode: 'replace' }).catch((e: unknown) => e);
      expect(error, extra.key).toBeInstanceOf(BackupError);
      expect((error as BackupError).message).toContain(extra.key);
    }
    expect(await settingsOf(target.repos)).toEqual({ badgeDays: 7 });
  });
});
