// Team sync in the browser (lib/sync/README.md): turns local commits into signed, sealed changes in the
// outbox (inside the commit's own transaction), pushes them, pulls the team's changes by cursor and
// applies them in the server's order after checking seal, signature, the device's chain and the
// member's role.
import type { Repositories } from '../db/repositories';
import type { CommitHook, WriteOp } from '../db/store';
import type { OutboxRow, PrivacyDeskDb } from '../db/schema';
import { SubjectRequest } from '../model/request';
import { ConflictError } from '../db/errors';
import { LockedError } from '../db/crypto/errors';
import { Change, ChangeRefused, SHARED_TABLES, bodyEpoch, changeHash, openChange, sealChange, type ChangeOp, type SharedTable, type TeamRole } from './change';
import { TeamClient, type Fetch, type PulledChange, type TeamInfo } from './client';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './codec';
import { newDeviceKeys, newTeamKey, openFrom, sealTo, subjectRef } from './keys';
import { mergeRequest } from './merge';
import { refusal } from './roles';
import { Invite, TEAM_KEY, TeamState } from './state';

const SHARED = new Set<string>(SHARED_TABLES);
const PUSH_BATCH = 100;
const PUSH_BYTES = 700_000;
/** Changes a snapshot of existing records is cut into when a device joins. */
const SNAPSHOT_OPS = 200;
const INVITE_PREFIX = 'pd-invite:';

export function encodeInvite(invite: Invite): string {
  return INVITE_PREFIX + toBase64Url(utf8(JSON.stringify(invite)));
}

export function decodeInvite(code: string): Invite {
  const trimmed = code.trim();
  if (!trimmed.startsWith(INVITE_PREFIX)) throw new ConflictError('This is not a Privacy Desk invite code (it starts with "pd-invite:")');
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(fromBase64Url(trimmed.slice(INVITE_PREFIX.length))));
  } catch {
    throw new ConflictError('The invite code is damaged: copy it again, whole');
  }
  const parsed = Invite.safeParse(json);
  if (!parsed.success) throw new ConflictError(`The invite code is not valid: ${parsed.error.issues[0]?.path.join('.') || 'value'} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export interface SyncStatus {
  joined: boolean;
  url?: string;
  teamId?: string;
  role?: TeamRole;
  memberName?: string;
  deviceId?: string;
  waiting: number;
  hasKey: boolean;
  /** The passphrase lock is closed: the membership (keys, token) is sealed, nothing syncs until it opens. */
  locked?: boolean;
  lastSyncAt?: string;
  lastError?: string;
  refused: number;
  gaps: number;
  /** The last team order applied here: it moves when the team's changes arrive. */
  cursor: number;
}

const subjectOf = (op: WriteOp | ChangeOp): string | undefined => {
  if (op.table === 'subjects') return op.id;
  const record = op.record as { subjectId?: unknown } | undefined;
  return typeof record?.subjectId === 'string' ? record.subjectId : undefined;
};
const recordKey = (table: string, id: string) => `${table}/${id}`;

export class TeamSync {
  private running: Promise<SyncStatus> | undefined;
  private roster: TeamInfo | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly fetchFn?: Fetch,
    /** Told after the team's changes were written here (the badge and reminders may move). */
    private readonly onApplied: () => void = () => undefined,
  ) {}

  private get db(): PrivacyDeskDb {
    return this.repos.db;
  }

  async state(db: PrivacyDeskDb = this.db): Promise<TeamState | undefined> {
    const row = await db.settings.get(TEAM_KEY);
    return row ? TeamState.parse(row.value) : undefined;
  }

  private async save(state: TeamState, db: PrivacyDeskDb = this.db): Promise<void> {
    await db.settings.put({ key: TEAM_KEY, value: TeamState.parse(state) });
  }

  private client(state: Pick<TeamState, 'url' | 'token'>): TeamClient {
    return new TeamClient(state.url, state.token, this.fetchFn);
  }

  /** The Store's hook: a local write to a shared table becomes this device's next change. */
  readonly hook: CommitHook = {
    tables: ['outbox', 'settings'],
    onCommit: async (db, actor, at, ops) => {
      const shared = ops.filter((op) => SHARED.has(op.table));
      if (shared.length === 0) return;
      const state = await this.state(db);
      if (!state) return;
      const teamKey = state.teamKeys[String(state.epoch)];
      if (!teamKey) throw new ConflictError('This browser has not received the team key yet: sync, or ask the DPO to open Privacy Desk');
      const changeOps: ChangeOp[] = [];
      for (const op of shared) {
        const changeOp: ChangeOp = { table: op.table as SharedTable, id: op.id, kind: op.kind, action: op.action, detail: op.detail, ...(op.kind === 'put' ? { record: op.record } : {}) };
        // The record before this write is still visible here: the hook runs before the writes.
        const before = await db.table(op.table).get(op.id);
        const why = refusal(state.role, changeOp, before);
        if (why) throw new ConflictError(`Your role in the team does not allow this: ${why}`);
        changeOps.push(changeOp);
      }
      const seq = state.seq + 1;
      const change = Change.parse({ v: 1, team: state.teamId, device: state.deviceId, member: state.memberId, seq, prev: state.prev, at, actor: state.memberName || actor, ops: changeOps });
      const subject = changeOps.map(subjectOf).find((s) => s !== undefined);
      const ref = subject && state.subjectSecret ? subjectRef(fromBase64Url(state.subjectSecret), subject) : undefined;
      // An erasure (Art. 17) travels untagged, so the shred it triggers does not delete it on its way to
      // the other replicas; every earlier change about the subject is then deleted at the server.
      const erasure = changeOps.some((op) => op.table === 'subjects' && !!(op.record as { erasedAt?: string } | undefined)?.erasedAt);
      const row: OutboxRow = {
        seq,
        body: sealChange(change, fromBase64Url(state.keys.signSecret), state.epoch, fromBase64Url(teamKey)),
        keys: changeOps.map((op) => recordKey(op.table, op.id)),
        ...(ref && !erasure ? { subject: ref } : {}),
        ...(ref && erasure ? { shred: ref } : {}),
      };
      await db.outbox.add(row);
      await this.save({ ...state, seq, prev: changeHash(change) }, db);
    },
  };

  /** Joins the team an invite names: new device keys, the join token spent, the team key kept. */
  async join(code: string, memberName: string, nowIso: string): Promise<SyncStatus> {
    if (await this.state()) throw new ConflictError('This browser is already in a team');
    const invite = decodeInvite(code);
    const keys = newDeviceKeys();
    const joined = await new TeamClient(invite.url, undefined, this.fetchFn).join(invite.token, toBase64Url(keys.signPublic), toBase64Url(keys.boxPublic));
    const state: TeamState = TeamState.parse({
      url: invite.url,
      teamId: joined.teamId,
      memberId: joined.memberId,
      deviceId: joined.deviceId,
      role: joined.role,
      token: joined.deviceToken,
      memberName: memberName.trim() || joined.role.toUpperCase(),
      keys: { signSecret: toBase64Url(keys.signSecret), signPublic: toBase64Url(keys.signPublic), boxSecret: toBase64Url(keys.boxSecret), boxPublic: toBase64Url(keys.boxPublic) },
      teamKeys: invite.key && invite.epoch ? { [String(invite.epoch)]: invite.key } : {},
      epoch: invite.epoch ?? 0,
      ...(invite.subjectSecret ? { subjectSecret: invite.subjectSecret } : {}),
      seq: 0,
      prev: '',
      cursor: 0,
      devices: {},
      joinedAt: nowIso,
      refused: [],
      shreds: [],
    });
    if (!invite.key) {
      // An admin's invite carries no key. The team's first DPO creates it; anyone else waits for a DPO's
      // browser to seal it to this device.
      const team = await this.client(state).team();
      const others = team.members.some((m) => m.devices.some((d) => d.deviceId !== state.deviceId));
      if (state.role === 'dpo' && !others) {
        const key = newTeamKey();
        state.teamKeys = { '1': toBase64Url(key) };
        state.epoch = 1;
        state.subjectSecret = toBase64Url(newTeamKey());
      }
    }
    await this.save(state);
    if (state.teamKeys[String(state.epoch)]) await this.snapshot();
    return this.sync();
  }

  /** Sends what this browser already holds, so the team starts from it (records keep their ids). */
  private async snapshot(): Promise<void> {
    const ops: WriteOp[] = [];
    for (const table of SHARED_TABLES) {
      const records = await this.db.table(table).toArray();
      for (const record of records as { id: string }[]) ops.push({ table, kind: 'put', id: record.id, record, action: 'update', detail: 'shared with the team' });
    }
    const state = await this.state();
    if (!state) return;
    // An agent's own snapshot may hold what its role cannot send: only the permitted part travels.
    const allowed = ops.filter((op) => !refusal(state.role, { ...op, table: op.table as SharedTable, record: op.record }, undefined));
    for (let i = 0; i < allowed.length; i += SNAPSHOT_OPS) {
      const part = allowed.slice(i, i + SNAPSHOT_OPS);
      // Re-writing the same records through the audited writer is what puts them in the outbox, atomically.
      await this.repos.store.commit(state.memberName, part);
    }
  }

  async status(): Promise<SyncStatus> {
    const waiting = await this.db.outbox.count();
    let state: TeamState | undefined;
    try {
      state = await this.state();
    } catch (error) {
      // Sealed by the passphrase lock (lib/db/crypto/fields.ts SEALED_SETTINGS): in a team, but closed.
      if (error instanceof LockedError) return { joined: true, locked: true, waiting, hasKey: false, refused: 0, gaps: 0, cursor: 0 };
      throw error;
    }
    if (!state) return { joined: false, waiting, hasKey: false, refused: 0, gaps: 0, cursor: 0 };
    return {
      joined: true,
      url: state.url,
      teamId: state.teamId,
      role: state.role,
      memberName: state.memberName,
      deviceId: state.deviceId,
      waiting,
      hasKey: !!state.teamKeys[String(state.epoch)],
      ...(state.lastSyncAt ? { lastSyncAt: state.lastSyncAt } : {}),
      ...(state.lastError ? { lastError: state.lastError } : {}),
      refused: state.refused.length,
      gaps: Object.values(state.devices).reduce((n, d) => n + d.missing.length, 0),
      cursor: state.cursor,
    };
  }

  /** One round: team keys, push the outbox, pull and apply. One at a time; callers share a running round. */
  sync(): Promise<SyncStatus> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(): Promise<SyncStatus> {
    // While the lock is closed the keys are sealed: nothing is pushed or pulled (status says so).
    const state = await this.state().catch((error: unknown) => {
      if (error instanceof LockedError) return undefined;
      throw error;
    });
    if (!state) return this.status();
    try {
      await this.fetchKeys();
      await this.push();
      await this.shred();
      const before = (await this.state())!.cursor;
      await this.pull();
      if ((await this.state())!.cursor !== before) this.onApplied();
      const after = (await this.state())!;
      const { lastError: _cleared, ...rest } = after;
      await this.save({ ...rest, lastSyncAt: this.repos.store.nowIso() });
    } catch (error) {
      const after = await this.state();
      if (after) await this.save({ ...after, lastError: (error as Error).message });
      if ((error as { code?: string }).code === 'revoked') return this.status();
    }
    return this.status();
  }

  private async fetchKeys(): Promise<void> {
    const state = (await this.state())!;
    const { envelopes } = await this.client(state).keys();
    const box = fromBase64Url(state.keys.boxSecret);
    const teamKeys = { ...state.teamKeys };
    let subjectSecret = state.subjectSecret;
    let epoch = state.epoch;
    for (const envelope of envelopes) {
      if (teamKeys[String(envelope.epoch)]) continue;
      try {
        const opened = JSON.parse(fromUtf8(openFrom(box, envelope.sealed, `${state.teamId}/${envelope.epoch}`))) as { key: string; subjectSecret?: string };
        teamKeys[String(envelope.epoch)] = opened.key;
        subjectSecret ??= opened.subjectSecret;
        epoch = Math.max(epoch, envelope.epoch);
      } catch {
        // Not openable by this device: ignore (the server cannot make us accept a key it made up).
      }
    }
    if (epoch !== state.epoch || Object.keys(teamKeys).length !== Object.keys(state.teamKeys).length)
      await this.save({ ...state, teamKeys, epoch, ...(subjectSecret ? { subjectSecret } : {}) });
    // A DPO's browser hands the current key to members who joined from an admin's invite.
    if (state.role === 'dpo' && teamKeys[String(epoch)]) await this.shareKey(epoch, teamKeys[String(epoch)]!, subjectSecret, false);
  }

  /** Seals the key of `epoch` to every active device that lacks it (all of them when `everyone`). */
  private async shareKey(epoch: number, key: string, subjectSecret: string | undefined, everyone: boolean, excludeMember?: string): Promise<void> {
    const state = (await this.state())!;
    const team = await this.client(state).team();
    this.roster = team;
    const known = new Set(Object.keys(state.devices));
    const envelopes = team.members
      .filter((m) => !m.revokedAt && m.memberId !== excludeMember)
      .flatMap((m) => m.devices)
      .filter((d) => d.deviceId !== state.deviceId && (everyone || !known.has(d.deviceId)))
      .map((d) => ({ deviceId: d.deviceId, sealed: sealTo(fromBase64Url(d.boxPublicKey), utf8(JSON.stringify({ key, subjectSecret })), `${state.teamId}/${epoch}`) }));
    if (envelopes.length > 0) await this.client(state).postKeys(epoch, envelopes);
  }

  private async push(): Promise<void> {
    const state = (await this.state())!;
    for (;;) {
      const candidates = await this.db.outbox.orderBy('seq').limit(PUSH_BATCH).toArray();
      if (candidates.length === 0) return;
      // The server takes request bodies up to 1 MiB (docs/team-protocol.md): cut the batch well below.
      let bytes = 0;
      const rows = candidates.filter((r) => (bytes += r.body.length + 200) <= PUSH_BYTES || r === candidates[0]);
      const { accepted } = await this.client(state).push(rows.map((r) => ({ seq: r.seq, body: r.body, ...(r.subject ? { subject: r.subject } : {}) })));
      const orders = new Map(accepted.map((a) => [a.seq, a.order]));
      await this.db.transaction('rw', ['outbox', 'syncMeta', 'settings'], async () => {
        const shreds = rows.filter((r) => r.shred && orders.has(r.seq)).map((r) => r.shred!);
        if (shreds.length > 0) {
          const now = (await this.state(this.db))!;
          await this.save({ ...now, shreds: [...now.shreds, ...shreds] }, this.db);
        }
        for (const row of rows) {
          const order = orders.get(row.seq);
          if (order === undefined) continue;
          await this.db.outbox.delete(row.seq);
          for (const key of row.keys) {
            const meta = await this.db.syncMeta.get(key);
            if (!meta || meta.order < order) await this.db.syncMeta.put({ key, order });
          }
        }
      });
      if (accepted.length < rows.length) return;
      if (rows.length < candidates.length) continue;
    }
  }

  /** Asks the server to delete the changes of erased subjects (a DPO's browser; retried until done). */
  private async shred(): Promise<void> {
    const state = (await this.state())!;
    if (state.shreds.length === 0 || state.role !== 'dpo') return;
    for (const ref of state.shreds) await this.client(state).shred(ref);
    const now = (await this.state())!;
    await this.save({ ...now, shreds: now.shreds.filter((r) => !state.shreds.includes(r)) });
  }

  private async pull(): Promise<void> {
    for (;;) {
      const state = (await this.state())!;
      const page = await this.client(state).pull(state.cursor);
      for (const change of page.changes) if (!(await this.apply(change))) return;
      if (!page.more || page.changes.length === 0) return;
    }
  }

  private async device(deviceId: string, memberId: string): Promise<{ role: TeamRole; signPublic: Uint8Array } | undefined> {
    const find = () => {
      const member = this.roster?.members.find((m) => m.memberId === memberId);
      const device = member?.devices.find((d) => d.deviceId === deviceId);
      return member && device ? { role: member.role, signPublic: fromBase64Url(device.signPublicKey) } : undefined;
    };
    const found = find();
    if (found) return found;
    const state = (await this.state())!;
    this.roster = await this.client(state).team();
    return find();
  }

  /** Applies one pulled change. False when it cannot be yet (its key has not arrived): pulling stops. */
  private async apply(pulled: PulledChange): Promise<boolean> {
    const state = (await this.state())!;
    const key = state.teamKeys[String(bodyEpoch(pulled.body))];
    if (!key) return false;
    const refuse = async (reason: string) => {
      const now = (await this.state())!;
      await this.save({ ...now, cursor: pulled.order, refused: [...now.refused, { order: pulled.order, deviceId: pulled.deviceId, reason, at: this.repos.store.nowIso() }].slice(-200) });
      return true;
    };
    if (pulled.deviceId === state.deviceId) {
      await this.save({ ...state, cursor: pulled.order });
      return true;
    }
    const device = await this.device(pulled.deviceId, pulled.memberId);
    if (!device) return refuse('the server names a device that is not a member of the team');
    let change: Change;
    try {
      change = openChange(pulled.body, { team: state.teamId, device: pulled.deviceId, member: pulled.memberId, seq: pulled.seq }, fromBase64Url(key), device.signPublic);
    } catch (error) {
      if (error instanceof ChangeRefused) return refuse(error.message);
      throw error;
    }
    const chain = state.devices[pulled.deviceId] ?? { seq: 0, hash: '', missing: [] };
    const late = chain.missing.includes(change.seq);
    if (change.seq <= chain.seq && !late) {
      await this.save({ ...state, cursor: pulled.order });
      return true;
    }
    const missing = late ? chain.missing.filter((s) => s !== change.seq) : [...chain.missing];
    if (!late) for (let s = chain.seq + 1; s < change.seq; s += 1) missing.push(s);
    if (!late && change.seq === chain.seq + 1 && change.prev !== chain.hash && chain.seq > 0) missing.push(-change.seq);
    const nextChain = late ? { ...chain, missing } : { seq: change.seq, hash: changeHash(change), missing };

    const pending = new Set((await this.db.outbox.toArray()).flatMap((r) => r.keys));
    const ops: WriteOp[] = [];
    const metas: { key: string; order: number }[] = [];
    for (const op of change.ops) {
      const before = await this.db.table(op.table).get(op.id);
      const why = refusal(device.role, op, before);
      if (why) {
        await this.saveChain(pulled.deviceId, nextChain);
        return refuse(`${change.actor}: ${why}`);
      }
      const k = recordKey(op.table, op.id);
      const meta = await this.db.syncMeta.get(k);
      const localOrder = pending.has(k) ? Number.POSITIVE_INFINITY : (meta?.order ?? 0);
      let record = op.record;
      if (op.table === 'requests' && before && op.kind === 'put') {
        record = mergeRequest(SubjectRequest.parse(before), localOrder, SubjectRequest.parse(op.record), pulled.order);
        if (JSON.stringify(record) === JSON.stringify(before)) continue;
      } else if (localOrder > pulled.order) continue;
      ops.push({ table: op.table, kind: op.kind, id: op.id, ...(op.kind === 'put' ? { record } : {}), action: op.action, detail: `${op.detail} (from ${change.actor}, team change ${pulled.order})` });
      if (!pending.has(k)) metas.push({ key: k, order: Math.max(pulled.order, meta?.order ?? 0) });
    }
    await this.repos.store.commit(
      `${change.actor} (${device.role})`,
      ops,
      async (db) => {
        for (const m of metas) await db.syncMeta.put(m);
        const now = await this.state(db);
        if (now) await this.save({ ...now, cursor: pulled.order, devices: { ...now.devices, [pulled.deviceId]: nextChain } }, db);
      },
      { send: false, tables: ['syncMeta', 'settings'] },
    );
    return true;
  }

  private async saveChain(deviceId: string, chain: TeamState['devices'][string]): Promise<void> {
    const now = (await this.state())!;
    await this.save({ ...now, devices: { ...now.devices, [deviceId]: chain } });
  }

  async members(): Promise<TeamInfo> {
    const state = await this.state();
    if (!state) throw new ConflictError('This browser is not in a team');
    this.roster = await this.client(state).team();
    return this.roster;
  }

  /** A DPO's invite: the server's one-time token plus, out of the server's sight, the team key. */
  async invite(role: TeamRole): Promise<{ code: string; expiresAt: string }> {
    const state = await this.state();
    if (!state) throw new ConflictError('This browser is not in a team');
    if (state.role !== 'dpo') throw new ConflictError('Only a DPO invites members');
    const key = state.teamKeys[String(state.epoch)];
    const invited = await this.client(state).invite(role);
    return {
      code: encodeInvite({ v: 1, url: state.url, token: invited.token, teamId: state.teamId, ...(key ? { epoch: state.epoch, key } : {}), ...(state.subjectSecret ? { subjectSecret: state.subjectSecret } : {}) }),
      expiresAt: invited.expiresAt,
    };
  }

  /** Revokes a member at once and starts a new team key that only the remaining devices receive. */
  async revoke(memberId: string): Promise<void> {
    const state = await this.state();
    if (!state) throw new ConflictError('This browser is not in a team');
    if (state.role !== 'dpo') throw new ConflictError('Only a DPO revokes members');
    await this.client(state).revoke(memberId);
    const epoch = state.epoch + 1;
    const key = toBase64Url(newTeamKey());
    await this.save({ ...state, epoch, teamKeys: { ...state.teamKeys, [String(epoch)]: key } });
    await this.shareKey(epoch, key, state.subjectSecret, true, memberId);
  }
}
