// The keyed checkpoint (lib/audit/seal.ts): with the passphrase lock on, the audit log's head carries a
// MAC under a key only the passphrase gives. Each attack below is first shown to pass the chain check
// without it (the plain chain), then to fail verify.
import { describe, expect, it } from 'vitest';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';
import { PassphraseLock } from '../../lib/db/crypto/lock';
import { flagTicket } from '../../lib/db/requests';
import { chainEntries, verifyChain } from '../../lib/audit/chain';
import { verifyAudit } from '../../lib/audit/verify';
import { AUDIT_SEAL_SETTING, AuditSeal, sealMessage } from '../../lib/audit/seal';
import { ENCRYPTION_SETTING, EncryptionConfig, keyCheckOf } from '../../lib/db/crypto/keys';
import { toHex } from '../../lib/audit/sha256';
import type { AuditEntry } from '../../lib/model/audit';
import { plainDeadline, sampleTicket } from '../db/helpers';

const FAST = 2_000;
const PASS = 'correct horse battery staple';

async function world(options: { lock?: boolean; tickets?: number } = {}) {
  const name = `seal-${crypto.randomUUID()}`;
  const repos = createRepositories(openDatabase(name), { now: () => new Date('2026-03-02T09:00:00.000Z') });
  const lock = new PassphraseLock(repos, undefined, FAST, undefined, { rebuild: false });
  if (options.lock !== false) await lock.enable(PASS);
  for (let i = 0; i < (options.tickets ?? 3); i += 1)
    await flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: String(1000 + i) }, type: 'access' }, plainDeadline);
  return { name, repos, lock };
}

const seal = async (repos: Awaited<ReturnType<typeof world>>['repos']) => AuditSeal.parse((await repos.db.settings.get(AUDIT_SEAL_SETTING))?.value);
const plainChain = async (repos: Awaited<ReturnType<typeof world>>['repos']) => verifyChain([await repos.db.audit.orderBy('seq').toArray()]);
const reason = (r: Awaited<ReturnType<typeof verifyAudit>>) => (r.ok ? '' : r.reason);

/** Rebuilds the whole chain with another actor, as someone who can write the database would. */
async function rewriteChain(repos: Awaited<ReturnType<typeof world>>['repos']): Promise<AuditEntry[]> {
  const entries = await repos.db.audit.orderBy('seq').toArray();
  const forged = await chainEntries(undefined, entries.map(({ seq: _s, hash: _h, prevHash: _p, ...draft }) => ({ ...draft, actor: 'someone else' })));
  await repos.db.audit.clear();
  await repos.db.audit.bulkAdd(forged);
  return forged;
}

describe('the keyed checkpoint of the audit log', () => {
  it('follows every write while the lock is open, and verify says the log is sealed to its end', async () => {
    const { repos } = await world();
    const head = (await repos.db.audit.orderBy('seq').last())!;
    expect(await seal(repos)).toMatchObject({ entries: head.seq, hash: head.hash });
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true, keyed: { state: 'checked', upTo: head.seq } });
  });

  it('catches a log rewritten and re-hashed, with the checkpoint moved to the forged head', async () => {
    const { repos } = await world();
    const forged = await rewriteChain(repos);
    const last = forged.at(-1)!;
    // The forger cannot make the MAC: he copies the old one onto the new head.
    await repos.db.settings.put({ key: AUDIT_SEAL_SETTING, value: { ...(await seal(repos)), entries: last.seq, hash: last.hash } });
    expect(await plainChain(repos)).toMatchObject({ ok: true });
    expect(reason(await verifyAudit(repos.db))).toContain('not made with your passphrase');
  });

  it('catches a rewrite that leaves the checkpoint alone, also in a routine check from a forged "last verified" head', async () => {
    const { repos } = await world();
    const forged = await rewriteChain(repos);
    expect(await plainChain(repos)).toMatchObject({ ok: true });
    const from = { entries: forged.at(-1)!.seq, hash: forged.at(-1)!.hash };
    expect(reason(await verifyAudit(repos.db, { from }))).toContain('not the one the keyed checkpoint sealed');
    expect(reason(await verifyAudit(repos.db))).toContain('not the one the keyed checkpoint sealed');
  });

  it('catches entries dropped from the end', async () => {
    const { repos } = await world();
    const count = await repos.db.audit.count();
    await repos.db.audit.where('seq').above(count - 2).delete();
    expect(await plainChain(repos)).toMatchObject({ ok: true, entries: count - 2 });
    expect(reason(await verifyAudit(repos.db, { records: false }))).toContain(`its keyed checkpoint seals ${count}`);
  });

  it('catches the checkpoint removed, and one forged with a key that is not the passphrase’s', async () => {
    const { repos } = await world();
    const real = await seal(repos);
    await repos.db.settings.delete(AUDIT_SEAL_SETTING);
    expect(reason(await verifyAudit(repos.db))).toContain('keyed checkpoint of the log is missing');
    const guessed = toHex(hmac(sha256, new Uint8Array(32), new TextEncoder().encode(sealMessage(real.entries, real.hash))));
    await repos.db.settings.put({ key: AUDIT_SEAL_SETTING, value: { ...real, mac: guessed } });
    expect(reason(await verifyAudit(repos.db))).toContain('not made with your passphrase');
  });

  it('cannot be downgraded by turning the lock settings back to the version without checkpoints', async () => {
    const { repos, lock } = await world();
    const config = EncryptionConfig.parse((await repos.db.settings.get(ENCRYPTION_SETTING))?.value);
    expect(config.version).toBe(2);
    await lock.lock();
    await repos.db.settings.delete(AUDIT_SEAL_SETTING);
    await repos.db.settings.put({ key: ENCRYPTION_SETTING, value: { ...config, version: 1 } });
    // Reopened as the background would after a restart: the version-1 key check no longer matches.
    repos.db.close();
    const reopened = createRepositories(openDatabase(repos.db.name), { now: () => new Date('2026-03-02T09:00:00.000Z') });
    await expect(new PassphraseLock(reopened, undefined, FAST).unlock(PASS)).rejects.toThrow('Wrong passphrase');
  });

  it('while locked, still checks where the checkpoint sits; the MAC waits for the passphrase', async () => {
    const { repos, lock } = await world();
    await lock.lock();
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true, keyed: { state: 'locked' } });
    await rewriteChain(repos);
    expect(reason(await verifyAudit(repos.db))).toContain('not the one the keyed checkpoint sealed');
  });

  it('survives a passphrase change (re-made under the new key) and is removed when the lock is turned off', async () => {
    const { repos, lock } = await world();
    const before = await seal(repos);
    await lock.change(PASS, 'another passphrase entirely');
    const after = await seal(repos);
    expect(after).toMatchObject({ entries: before.entries, hash: before.hash });
    expect(after.keyId).not.toBe(before.keyId);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true, keyed: { state: 'checked' } });
    await lock.disable('another passphrase entirely');
    expect(await repos.db.settings.get(AUDIT_SEAL_SETTING)).toBeUndefined();
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true, keyed: { state: 'off' } });
  });

  it('a broken checkpoint stays broken across a passphrase change', async () => {
    const { repos, lock } = await world();
    const real = await seal(repos);
    await repos.db.settings.put({ key: AUDIT_SEAL_SETTING, value: { ...real, mac: '0'.repeat(64) } });
    await lock.change(PASS, 'another passphrase entirely');
    expect(reason(await verifyAudit(repos.db))).toContain('not made with your passphrase');
  });

  it('a lock turned on before checkpoints existed seals the head at its first unlock and moves to version 2', async () => {
    const { repos, lock } = await world();
    // Made as an older version left it: settings version 1 (its key check under the old label), no checkpoint.
    const config = EncryptionConfig.parse((await repos.db.settings.get(ENCRYPTION_SETTING))?.value);
    const { deriveMasterKey, saltOf } = await import('../../lib/db/crypto/keys');
    const master = await deriveMasterKey(PASS, saltOf(config), config.iterations);
    await lock.lock();
    await repos.db.settings.put({ key: ENCRYPTION_SETTING, value: { ...config, version: 1, keyCheck: keyCheckOf(master, 1) } });
    await repos.db.settings.delete(AUDIT_SEAL_SETTING);
    repos.db.close();
    const reopened = createRepositories(openDatabase(repos.db.name), { now: () => new Date('2026-03-02T09:00:00.000Z') });
    expect(await verifyAudit(reopened.db)).toMatchObject({ ok: true, keyed: { state: 'locked', upTo: 0 } });
    await new PassphraseLock(reopened, undefined, FAST).unlock(PASS);
    expect(EncryptionConfig.parse((await reopened.db.settings.get(ENCRYPTION_SETTING))?.value).version).toBe(2);
    const head = (await reopened.db.audit.orderBy('seq').last())!;
    expect(await verifyAudit(reopened.db)).toMatchObject({ ok: true, keyed: { state: 'checked', upTo: head.seq } });
  });

  it('without the lock there is no key only the user holds: verify says so', async () => {
    const { repos } = await world({ lock: false });
    expect(await repos.db.settings.get(AUDIT_SEAL_SETTING)).toBeUndefined();
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true, keyed: { state: 'off' } });
  });
});
