// Team sync in the browser (lib/sync/README.md): turns local commits into signed, sealed changes in the
// outbox (inside the commit's own transaction), pushes them, pulls the team's changes by cursor and
// applies them in the server's order after checking seal, signature, the device's chain and the
// member's role.
import type { Repositories } from '../db/repositories';
import type { CommitHook, WriteOp } from '../db/store';
import type { OutboxRow, PrivacyDeskDb, SubjectKeyRow, SyncMeta } from '../db/schema';
import { SubjectRequest } from '../model/request';
import { ConflictError } from '../db/errors';
import { LockedError } from '../db/crypto/errors';
import { vaultOf } from '../db/crypto/middleware';
import { CHANGE_FORMAT, Change, ChangeRefused, SHARED_TABLES, bodyEpoch, changeHash, openChange, sealChange, type ChangeOp, type SharedTable, type TeamRole } from './change';
import { TeamClient, TeamServerError, type Fetch, type PulledChange, type TeamInfo } from './client';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './codec';
import { newDeviceKeys, newTeamKey, openFrom, sealTo, subjectRef } from './keys';
import { mergeRequest } from './merge';
import { editedFields, keepAhead, markAhead, mergeEdit, settleOwn, type ChangeOrigin, type ShadowKeys } from './fields';
import { refusal } from './roles';
import { toCertify, trustedDevices, type Certificate } from './certificates';
import { Invite, TEAM_KEY, TeamState } from './state';
import { ParkedOp, ROSTER_KEY, currentKey, emptyRow, newKeyId, newSubjectKey, openGrant, openRecord, readRoster, sealGrant, sealRecord, type RosterDevices } from './subject-keys';
import { sameServer } from '../model/team-server';

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

/** An invite for another server than the one the organisation's policy presets (lib/settings/managed.ts). */
export class ServerNotAllowedError extends ConflictError {
  constructor(
    readonly inviteServer: string,
    readonly policyServer: string,
  ) {
    super(`This invite is for the team server ${inviteServer}, but your organisation's policy sets the team server ${policyServer}: ask your DPO for an invite on that server`);
  }
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
  /** Whether a DPO certified this device yet (the other members apply its changes only then). */
  certified?: boolean;
  /** Pulling waits for a DPO to certify another member's browser (certificates.ts). */
  waitingForCertificate?: boolean;
}

const subjectOf = (op: WriteOp | ChangeOp): string | undefined => {
  if (op.table === 'subjects') return op.id;
  const record = op.record as { subjectId?: unknown } | undefined;
  return typeof record?.subjectId === 'string' ? record.subjectId : undefined;
};
const recordKey = (table: string, id: string) => `${table}/${id}`;
/** Subjects a change erases (Art. 17): their records are written with `erasedAt`. */
const erasedBy = (ops: readonly ChangeOp[]): Set<string> =>
  new Set(ops.filter((op) => op.table === 'subjects' && op.kind === 'put' && !!(op.record as { erasedAt?: string } | undefined)?.erasedAt).map((op) => op.id));

export class TeamSync {
  private running: Promise<SyncStatus> | undefined;
  private roster: TeamInfo | undefined;
  /** The device list subject keys were last shared with (shareSubjectKeys). */
  private sharedWith: string | undefined;
  /** A pulled erasure destroyed a subject's keys this round. */
  private erasedThisRound = false;
  /**
   * Told after a round that applied an erasure: the destroyed keys and identifiers must not survive in
   * the browser's storage files either (the background rebuilds the database, lib/db/rebuild.ts).
   */
  onErased: (() => Promise<void>) | undefined;
  /** Devices with a certificate that chains to the team's root (certificates.ts). */
  private trusted: Map<string, Certificate> | undefined;
  /** Set while the last round's pull stopped at a change of a device no DPO has certified yet. */
  private stalled = false;

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
    tables: ['outbox', 'settings', 'subjectKeys', 'syncMeta'],
    onCommit: async (db, actor, at, ops) => {
      const shared = ops.filter((op) => SHARED.has(op.table));
      if (shared.length === 0) return;
      const state = await this.state(db);
      if (!state) return;
      const teamKey = state.teamKeys[String(state.epoch)];
      if (!teamKey) throw new ConflictError('This browser has not received the team key yet: sync, or ask the DPO to open Privacy Desk');
      const changeOps: ChangeOp[] = [];
      const befores: unknown[] = [];
      for (const op of shared) {
        // The record before this write is still visible here: the hook runs before the writes.
        const before = await db.table(op.table).get(op.id);
        // An edit names the fields it changed, so other members' edits of other fields survive (fields.ts).
        const fields = op.kind === 'put' && before ? editedFields(before as Record<string, unknown>, op.record as Record<string, unknown>) : [];
        const changeOp: ChangeOp = { table: op.table as SharedTable, id: op.id, kind: op.kind, action: op.action, detail: op.detail, ...(op.kind === 'put' ? { record: op.record } : {}), ...(fields.length > 0 ? { fields } : {}) };
        const why = refusal(state.role, changeOp, before);
        if (why) throw new ConflictError(`Your role in the team does not allow this: ${why}`);
        changeOps.push(changeOp);
        befores.push(before);
      }
      const subject = changeOps.map(subjectOf).find((s) => s !== undefined);
      const ref = subject && state.subjectSecret ? subjectRef(fromBase64Url(state.subjectSecret), subject) : undefined;
      // An erasure (Art. 17) travels untagged, so the shred it triggers does not delete it on its way to
      // the other replicas; every earlier change about the subject is then deleted at the server.
      const erased = erasedBy(changeOps);
      const chain = { seq: state.seq, prev: state.prev };
      const sealed = await this.sealSubjects(db, state, chain, changeOps, erased);
      await this.emit(db, state, chain, { ops: sealed, at, seen: state.cursor, actor: state.memberName || actor }, {
        keys: changeOps.flatMap((op) => (op.fields ? op.fields.map((f) => `${recordKey(op.table, op.id)}#${f}`) : [recordKey(op.table, op.id)])),
        ...(ref && erased.size === 0 ? { subject: ref } : {}),
        ...(ref && erased.size > 0 ? { shred: ref } : {}),
      });
      // The edited fields are ahead of the team order here until this change comes back (fields.ts).
      const shadowKeys = { epoch: state.epoch, keys: state.teamKeys };
      for (const [i, op] of changeOps.entries()) if (op.fields) await markAhead(db, op, befores[i] as Record<string, unknown>, chain.seq, state.deviceId, shadowKeys);
      // The erasure destroys this replica's keys of the subject, in the transaction that erases it.
      for (const s of erased) await db.subjectKeys.put({ ...emptyRow(s), erasedAt: at });
      await this.save({ ...state, ...chain }, db);
    },
  };

  /**
   * Seals every subject's record with a key of that subject (a new key first travels in a change of its
   * own, before the records). What an erasure leaves of a subject (keyed hashes, the requests' audit
   * facts) travels under the team key alone: its keys are gone.
   */
  private async sealSubjects(db: PrivacyDeskDb, state: TeamState, chain: { seq: number; prev: string }, ops: ChangeOp[], erased: Set<string>): Promise<ChangeOp[]> {
    const out: ChangeOp[] = [];
    for (const op of ops) {
      const subject = op.kind === 'put' ? subjectOf(op) : undefined;
      const row = subject && !erased.has(subject) ? await db.subjectKeys.get(subject) : undefined;
      if (!subject || erased.has(subject) || row?.erasedAt) {
        out.push(op);
        continue;
      }
      let key = currentKey(row, state.epoch);
      if (!key) {
        key = { id: newKeyId(), key: newSubjectKey() };
        const devices = (await readRoster(db)).filter((d) => d.deviceId !== state.deviceId);
        const next = row ?? emptyRow(subject);
        await db.subjectKeys.put({
          ...next,
          keys: { ...next.keys, [key.id]: { key: toBase64Url(key.key), epoch: state.epoch, by: state.deviceId } },
          to: { ...next.to, [key.id]: [state.deviceId, ...devices.map((d) => d.deviceId)] },
        });
        await this.grant(db, state, chain, subject, { ...key, epoch: state.epoch }, devices);
      }
      const { record, ...rest } = op;
      out.push({ ...rest, sealed: sealRecord(state.teamId, subject, key.id, key.key, op.table, op.id, record) });
    }
    return out;
  }

  /** A change handing a subject key to devices, filed under the subject's opaque id (an erasure's shred deletes it). */
  private async grant(db: PrivacyDeskDb, state: TeamState, chain: { seq: number; prev: string }, subject: string, key: { id: string; key: Uint8Array; epoch: number }, devices: RosterDevices['devices']): Promise<void> {
    if (devices.length === 0) return;
    const ref = state.subjectSecret ? subjectRef(fromBase64Url(state.subjectSecret), subject) : undefined;
    const keys = [{ subject, id: key.id, epoch: key.epoch, to: sealGrant(state.teamId, subject, key.id, key.key, devices) }];
    await this.emit(db, state, chain, { ops: [], keys, at: this.repos.store.nowIso(), actor: state.memberName }, { keys: [], ...(ref ? { subject: ref } : {}) });
  }

  /** Signs, seals and queues this device's next change; `chain` moves to it. */
  private async emit(db: PrivacyDeskDb, state: TeamState, chain: { seq: number; prev: string }, body: Pick<Change, 'ops' | 'at' | 'actor'> & Partial<Pick<Change, 'keys' | 'seen'>>, row: Omit<OutboxRow, 'seq' | 'body'>): Promise<void> {
    const seq = chain.seq + 1;
    const change = Change.parse({ v: CHANGE_FORMAT, team: state.teamId, device: state.deviceId, member: state.memberId, seq, prev: chain.prev, ...body });
    const teamKey = state.teamKeys[String(state.epoch)]!;
    await db.outbox.add({ seq, body: sealChange(change, fromBase64Url(state.keys.signSecret), state.epoch, fromBase64Url(teamKey)), ...row });
    chain.seq = seq;
    chain.prev = changeHash(change);
  }

  /**
   * Joins the team an invite names: new device keys, the join token spent, the team key kept. With
   * `policyServer` (the organisation's preset) an invite for any other server is refused before any call.
   */
  async join(code: string, memberName: string, nowIso: string, policyServer?: string): Promise<SyncStatus> {
    if (await this.state()) throw new ConflictError('This browser is already in a team');
    const invite = decodeInvite(code);
    if (policyServer && !sameServer(invite.url, policyServer)) throw new ServerNotAllowedError(invite.url, policyServer);
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
      ...(invite.root ? { root: invite.root } : {}),
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
        // The first DPO's device is the team's root: it certifies itself and every member (certificates.ts).
        state.root = state.keys.signPublic;
      }
    }
    await this.save(state);
    await this.rememberRoster(await this.client(state).team());
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
    // One subject's records per change, so the change is filed under that subject's opaque id and an
    // erasure's shred deletes exactly its changes (lib/sync/README.md, crypto-shredding).
    const bySubject = new Map<string, WriteOp[]>();
    for (const op of allowed) {
      const key = subjectOf(op) ?? '';
      bySubject.set(key, [...(bySubject.get(key) ?? []), op]);
    }
    const parts: WriteOp[][] = [];
    for (const group of [bySubject.get('') ?? [], ...[...bySubject].filter(([k]) => k !== '').map(([, g]) => g)])
      for (let i = 0; i < group.length; i += SNAPSHOT_OPS) parts.push(group.slice(i, i + SNAPSHOT_OPS));
    for (const part of parts) {
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
      // Known once this worker fetched the certificates (every sync round does).
      ...(state.root && this.trusted ? { certified: this.trusted.get(state.deviceId)?.sign === state.keys.signPublic } : {}),
      ...(this.stalled ? { waitingForCertificate: true } : {}),
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
      this.stalled = false;
      await this.certify();
      await this.fetchKeys();
      // A member from an admin's invite learns the root with its first key: read the certificates then.
      if (!this.trusted && (await this.state())!.root) await this.certificates(true);
      await this.shareSubjectKeys();
      await this.push();
      await this.shred();
      const before = (await this.state())!.cursor;
      await this.pull();
      if ((await this.state())!.cursor !== before) this.onApplied();
      const after = (await this.state())!;
      const { lastError: _cleared, ...rest } = after;
      await this.save({ ...rest, lastSyncAt: this.repos.store.nowIso() });
      if (this.erasedThisRound) {
        this.erasedThisRound = false;
        await this.onErased?.();
      }
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
    let root = state.root;
    let epoch = state.epoch;
    for (const envelope of envelopes) {
      if (teamKeys[String(envelope.epoch)]) continue;
      try {
        const opened = JSON.parse(fromUtf8(openFrom(box, envelope.sealed, `${state.teamId}/${envelope.epoch}`))) as { key: string; subjectSecret?: string; root?: string };
        teamKeys[String(envelope.epoch)] = opened.key;
        subjectSecret ??= opened.subjectSecret;
        // A member who joined with an admin's invite (no root in it) learns the root with its first key.
        root ??= opened.root;
        epoch = Math.max(epoch, envelope.epoch);
      } catch {
        // Not openable by this device: ignore (the server cannot make us accept a key it made up).
      }
    }
    if (epoch !== state.epoch || Object.keys(teamKeys).length !== Object.keys(state.teamKeys).length)
      await this.save({ ...state, teamKeys, epoch, ...(subjectSecret ? { subjectSecret } : {}), ...(root ? { root } : {}) });
    // A DPO's browser hands the current key to members who joined from an admin's invite.
    if (state.role === 'dpo' && teamKeys[String(epoch)]) await this.shareKey(epoch, teamKeys[String(epoch)]!, subjectSecret, false);
  }

  /** Seals the key of `epoch` to every active device that lacks it (all of them when `everyone`). */
  private async shareKey(epoch: number, key: string, subjectSecret: string | undefined, everyone: boolean, excludeMember?: string): Promise<void> {
    const state = (await this.state())!;
    const team = await this.client(state).team();
    await this.rememberRoster(team);
    const known = new Set(Object.keys(state.devices));
    // With a root, only certified devices receive the key, sealed to their certified box key: a device the
    // server added on its own never gets it.
    const trusted = state.root ? await this.certificates(true) : undefined;
    const envelopes = team.members
      .filter((m) => !m.revokedAt && m.memberId !== excludeMember)
      .flatMap((m) => m.devices.map((d) => ({ ...d, memberId: m.memberId })))
      .filter((d) => d.deviceId !== state.deviceId && (everyone || !known.has(d.deviceId)))
      .flatMap((d) => {
        const cert = trusted?.get(d.deviceId);
        if (trusted && (!cert || cert.member !== d.memberId)) return [];
        const box = cert ? cert.box : d.boxPublicKey;
        return [{ deviceId: d.deviceId, sealed: sealTo(fromBase64Url(box), utf8(JSON.stringify({ key, subjectSecret, root: state.root })), `${state.teamId}/${epoch}`) }];
      });
    if (envelopes.length > 0) await this.client(state).postKeys(epoch, envelopes);
  }

  /** The roster's active devices, kept where the commit hook reads them (it seals subject keys to them). */
  private async rememberRoster(team: TeamInfo): Promise<void> {
    this.roster = team;
    // With a root, subject keys go only to certified devices, sealed to their certified box key (as team
    // keys do, shareKey): a device the server added on its own never gets one.
    const state = await this.state();
    const trusted = state?.root ? await this.certificates(false) : undefined;
    const devices = team.members
      .filter((m) => !m.revokedAt)
      .flatMap((m) =>
        m.devices.flatMap((d) => {
          if (!trusted) return [{ deviceId: d.deviceId, boxPublicKey: d.boxPublicKey }];
          const cert = trusted.get(d.deviceId);
          return cert && cert.member === m.memberId ? [{ deviceId: d.deviceId, boxPublicKey: cert.box }] : [];
        }),
      );
    await this.db.settings.put({ key: ROSTER_KEY, value: { devices } });
  }

  /**
   * Hands subject keys to active devices that lack them (a member who joined later, a device the
   * roster did not list yet when the key was made): a DPO's browser every key it holds, any browser
   * the keys it made. Runs when the roster changed.
   */
  private async shareSubjectKeys(): Promise<void> {
    const state = (await this.state())!;
    // The keys are sealed by the lock: while it is closed they wait for the next round.
    if (!state.teamKeys[String(state.epoch)] || vaultOf(this.db)?.state === 'locked') return;
    await this.rememberRoster(await this.client(state).team());
    const devices = await readRoster(this.db);
    const roster = devices.map((d) => d.deviceId).sort().join(',');
    if (roster === this.sharedWith) return;
    await this.repos.store.serialise(() =>
      this.db.transaction('rw', ['subjectKeys', 'outbox', 'settings'], async () => {
        const now = (await this.state(this.db))!;
        const chain = { seq: now.seq, prev: now.prev };
        for (const row of await this.db.subjectKeys.toArray()) {
          if (row.erasedAt) continue;
          let to = row.to;
          for (const [id, entry] of Object.entries(row.keys)) {
            if (now.role !== 'dpo' && entry.by !== now.deviceId) continue;
            const have = new Set(to[id] ?? []);
            const missing = devices.filter((d) => d.deviceId !== now.deviceId && !have.has(d.deviceId));
            if (missing.length === 0) continue;
            await this.grant(this.db, now, chain, row.id, { id, key: fromBase64Url(entry.key), epoch: entry.epoch }, missing);
            to = { ...to, [id]: [...have, ...missing.map((d) => d.deviceId)] };
          }
          if (to !== row.to) await this.db.subjectKeys.put({ ...row, to });
        }
        if (chain.seq !== now.seq) await this.save({ ...now, ...chain }, this.db);
      }),
    );
    this.sharedWith = roster;
  }

  private async push(): Promise<void> {
    const state = (await this.state())!;
    for (;;) {
      const candidates = await this.db.outbox.orderBy('seq').limit(PUSH_BATCH).toArray();
      if (candidates.length === 0) return;
      // The server takes request bodies up to 1 MiB (docs/team-protocol.md): cut the batch well below.
      let bytes = 0;
      const rows = candidates.filter((r) => (bytes += r.body.length + 200) <= PUSH_BYTES || r === candidates[0]);
      let accepted: { seq: number; order: number }[];
      try {
        ({ accepted } = await this.client(state).push(rows.map((r) => ({ seq: r.seq, body: r.body, ...(r.subject ? { subject: r.subject } : {}) }))));
      } catch (error) {
        // A change the server stored, then shredded, before this browser heard its answer: its subject was
        // erased, and the erasure reaches this replica too. Dropped, so the rest can go (team-protocol.md).
        const seq = error instanceof TeamServerError && error.code === 'seq-shredded' ? error.extra.seq : undefined;
        if (typeof seq !== 'number' || !rows.some((r) => r.seq === seq)) throw error;
        await this.db.outbox.delete(seq);
        continue;
      }
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
          // Whole writes only: an edited field takes its place in team order when the change comes back (fields.ts).
          for (const key of row.keys.filter((k) => !k.includes('#'))) {
            const meta = await this.db.syncMeta.get(key);
            if (!meta || meta.order < order) await this.db.syncMeta.put({ key, order, device: state.deviceId, actor: state.memberName });
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
    const state = (await this.state())!;
    if (state.root) {
      // The role and key come from the device's certificate, never from the server's roster.
      const held = (await this.certificates(false)).get(deviceId) ?? (await this.certificates(true)).get(deviceId);
      if (held && held.member === memberId) return { role: held.role, signPublic: fromBase64Url(held.sign) };
      this.roster = await this.client(state).team();
      return undefined;
    }
    const find = () => {
      const member = this.roster?.members.find((m) => m.memberId === memberId);
      const device = member?.devices.find((d) => d.deviceId === deviceId);
      return member && device ? { role: member.role, signPublic: fromBase64Url(device.signPublicKey) } : undefined;
    };
    const found = find();
    if (found) return found;
    this.roster = await this.client(state).team();
    return find();
  }

  /** The certified devices (certificates.ts), fetched again when `fresh` or not fetched yet. */
  private async certificates(fresh: boolean): Promise<Map<string, Certificate>> {
    const state = (await this.state())!;
    if (!state.root) return new Map();
    if (fresh || !this.trusted) {
      const { certificates } = await this.client(state).certificates();
      this.trusted = trustedDevices(certificates.map((c) => c.certificate), state.root, state.teamId);
    }
    return this.trusted;
  }

  /** Reads the certificates; a DPO's browser certifies the roster's devices that have none yet (certificates.ts). */
  private async certify(): Promise<void> {
    const state = (await this.state())!;
    if (!state.root) return;
    // Every round reads the certificates afresh (the status says whether this browser is certified).
    const trusted = await this.certificates(true);
    if (state.role !== 'dpo') return;
    const team = await this.client(state).team();
    this.roster = team;
    const me = { team: state.teamId, member: state.memberId, device: state.deviceId, signPublic: state.keys.signPublic, boxPublic: state.keys.boxPublic, signSecret: fromBase64Url(state.keys.signSecret) };
    const issued = toCertify(me, state.root, team.members, trusted, state.invited, this.repos.store.nowIso());
    if (issued.length === 0) return;
    await this.client(state).postCertificates(issued);
    await this.certificates(true);
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
    if (pulled.deviceId === state.deviceId) return this.settle(pulled, key, state);
    const device = await this.device(pulled.deviceId, pulled.memberId);
    if (!device) {
      // A member's device that no DPO's browser has certified yet: wait for it (a DPO certifies on its
      // next sync), as for a key that has not arrived. Anything else the server names is refused.
      if (state.root && !(await this.certificates(false)).has(pulled.deviceId) && this.roster?.members.some((m) => m.memberId === pulled.memberId && !m.revokedAt && m.devices.some((d) => d.deviceId === pulled.deviceId))) {
        this.stalled = true;
        return false;
      }
      return refuse('the server names a device that is not a certified member of the team');
    }
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

    let opened: Awaited<ReturnType<TeamSync['openSubjects']>>;
    try {
      opened = await this.openSubjects(change, pulled.order, device.role, state);
    } catch (error) {
      if (!(error instanceof ChangeRefused)) throw error;
      await this.saveChain(pulled.deviceId, nextChain);
      return refuse(error.message);
    }
    const pending = new Set((await this.db.outbox.toArray()).flatMap((r) => r.keys));
    // An erasure wins over anything of the subject here, even a write still waiting in the outbox: that
    // write's records are sealed with keys the erasure destroys, and every other replica drops them.
    // A second erasure of a subject already erased here (two DPOs at once) is an ordinary write: the later in team order wins.
    const erasing = new Set<string>();
    for (const s of erasedBy(opened.ops)) if (!(await this.db.subjectKeys.get(s))?.erasedAt) erasing.add(s);
    const force = erasing.size > 0;
    const ops: WriteOp[] = [];
    const metas: SyncMeta[] = [];
    const shadowKeys: ShadowKeys = { epoch: state.epoch, keys: state.teamKeys };
    for (const op of opened.ops) {
      const decided = await this.decide(op, pulled.order, change, device.role, pending, force, shadowKeys);
      if (decided.refused) {
        await this.saveChain(pulled.deviceId, nextChain);
        return refuse(decided.refused);
      }
      if (decided.write) ops.push(decided.write);
      metas.push(...decided.metas);
    }
    // Records of the subject this replica holds but the erasure does not name (written here, or pulled
    // before the server shredded them): the other replicas never apply them, so they go here too.
    const named = new Set(opened.ops.map((op) => recordKey(op.table, op.id)));
    for (const s of erasing)
      for (const table of ['requests', 'consents', 'events'] as const)
        for (const id of await this.db.table(table).where('subjectId').equals(s).primaryKeys())
          if (!named.has(recordKey(table, String(id)))) ops.push({ table, kind: 'delete', id: String(id), action: 'purge', detail: `subject erased (from ${change.actor}, team change ${pulled.order})` });
    await this.repos.store.commit(
      `${change.actor} (${device.role})`,
      ops,
      async (db) => {
        for (const m of metas) await db.syncMeta.put(m);
        for (const row of opened.rows.values()) await db.subjectKeys.put(row);
        for (const s of erasing) await db.subjectKeys.put({ ...emptyRow(s), erasedAt: change.at });
        // This browser's own waiting writes of those records will be dropped everywhere (their key is
        // destroyed): once sent, they must not count here as later than the erasure either.
        if (force) {
          const gone = new Set(ops.map((op) => recordKey(op.table, op.id)));
          // Outbox keys name a record, or one field of it (`table/id#field`).
          const of = (k: string) => k.split('#')[0]!;
          for (const row of await db.outbox.toArray()) if (row.keys.some((k) => gone.has(of(k)))) await db.outbox.put({ ...row, keys: row.keys.filter((k) => !gone.has(of(k))) });
        }
        const now = await this.state(db);
        if (!now) return;
        const refused = opened.dropped.length > 0 ? [...now.refused, { order: pulled.order, deviceId: pulled.deviceId, reason: `${change.actor}: ${opened.dropped.length} record(s) of an erased subject not applied (its keys were destroyed)`, at: this.repos.store.nowIso() }].slice(-200) : now.refused;
        // A change about an erased subject that reached the server after its shred: the DPO shreds again.
        const again = now.role === 'dpo' && now.subjectSecret ? opened.erased.map((s) => subjectRef(fromBase64Url(now.subjectSecret!), s)).filter((r) => !now.shreds.includes(r)) : [];
        await this.save({ ...now, cursor: pulled.order, devices: { ...now.devices, [pulled.deviceId]: nextChain }, refused, shreds: [...now.shreds, ...new Set(again)] }, db);
      },
      { send: false, tables: ['syncMeta', 'settings', 'subjectKeys', 'outbox'] },
    );
    if (erasing.size > 0) this.erasedThisRound = true;
    for (const s of opened.unpark) await this.unpark(s);
    return true;
  }

  /**
   * How one pulled op meets this replica: written, skipped (older than what is here), or refused (role).
   * An edit merges field by field (fields.ts); a request's lifecycle merges by merge.ts; an erasure
   * (`force`) wins over anything of its subject here.
   */
  private async decide(op: ChangeOp, order: number, origin: ChangeOrigin, role: TeamRole, pending: Set<string>, force: boolean, shadowKeys: ShadowKeys): Promise<{ write?: WriteOp; metas: SyncMeta[]; refused?: string }> {
    const before = await this.db.table(op.table).get(op.id);
    const edit = !force && op.kind === 'put' && !!op.fields && !!before;
    // An edit is judged by what it changes: the sender's other fields may be older than this replica's.
    const judged = edit ? { ...op, record: { ...(before as object), ...Object.fromEntries(op.fields!.map((f) => [f, (op.record as Record<string, unknown>)[f]])) } } : op;
    const why = refusal(role, judged, before);
    if (why) return { metas: [], refused: `${origin.actor}: ${why}` };
    // A purge of a record this replica already let go of (its own window ended first) leaves nothing to do.
    if (op.kind === 'delete' && !before) return { metas: [] };
    const k = recordKey(op.table, op.id);
    const detail = `${op.detail} (from ${origin.actor}, team change ${order})`;
    if (edit) {
      const lifecycle = op.table === 'requests' ? (localOrder: number) => mergeRequest(SubjectRequest.parse(before), localOrder, SubjectRequest.parse(op.record), order) as Record<string, unknown> : undefined;
      const merged = await mergeEdit(this.db, op, before as Record<string, unknown>, origin, order, lifecycle, shadowKeys);
      if (JSON.stringify(merged.record) === JSON.stringify(before)) return { metas: merged.metas };
      return { write: { table: op.table, kind: 'put', id: op.id, record: merged.record, action: op.action, detail }, metas: merged.metas };
    }
    const metas: SyncMeta[] = [];
    const meta = await this.db.syncMeta.get(k);
    const localOrder = force ? 0 : pending.has(k) ? Number.POSITIVE_INFINITY : (meta?.order ?? 0);
    let record = op.record;
    if (!force && op.table === 'requests' && before && op.kind === 'put') {
      record = mergeRequest(SubjectRequest.parse(before), localOrder, SubjectRequest.parse(op.record), order);
      if (JSON.stringify(record) === JSON.stringify(before)) return { metas };
    } else if (localOrder > order) return { metas };
    if (!force && before && op.kind === 'put') record = await keepAhead(this.db, k, before as Record<string, unknown>, record as Record<string, unknown>, origin, order, metas, shadowKeys);
    // Forced by an erasure: the record is now the erasure's, whatever this browser sent after it.
    if (force) metas.push({ key: k, order, device: origin.device, actor: origin.actor });
    else if (!pending.has(k)) metas.push({ key: k, order: Math.max(order, meta?.order ?? 0), ...(order >= (meta?.order ?? 0) ? { device: origin.device, actor: origin.actor } : {}) });
    return { write: { table: op.table, kind: op.kind, id: op.id, ...(op.kind === 'put' ? { record } : {}), action: op.action, detail }, metas };
  }

  /**
   * The subject keys a change hands to this device are kept; its sealed records are opened with their
   * subject's key. A record whose key has not arrived is parked (applied when it does); one of an erased
   * subject is dropped: its key is destroyed and the data never comes back.
   */
  private async openSubjects(change: Change, order: number, role: TeamRole, state: TeamState): Promise<{ ops: ChangeOp[]; rows: Map<string, SubjectKeyRow>; dropped: string[]; erased: string[]; unpark: string[] }> {
    const rows = new Map<string, SubjectKeyRow>();
    const row = async (subject: string) => {
      if (!rows.has(subject)) rows.set(subject, (await this.db.subjectKeys.get(subject)) ?? emptyRow(subject));
      return rows.get(subject)!;
    };
    const erased = new Set<string>();
    const unpark: string[] = [];
    for (const grant of change.keys ?? []) {
      const r = await row(grant.subject);
      if (r.erasedAt) {
        erased.add(grant.subject);
        continue;
      }
      r.to = { ...r.to, [grant.id]: [...new Set([...(r.to[grant.id] ?? []), change.device, ...Object.keys(grant.to)])] };
      const key = r.keys[grant.id] ? undefined : openGrant(state.teamId, grant, state.deviceId, fromBase64Url(state.keys.boxSecret));
      if (key) {
        r.keys = { ...r.keys, [grant.id]: { key: toBase64Url(key), epoch: grant.epoch, by: change.device } };
        if (r.parked.length > 0) unpark.push(grant.subject);
      }
    }
    const ops: ChangeOp[] = [];
    const dropped: string[] = [];
    for (const op of change.ops) {
      if (!op.sealed) {
        ops.push(op);
        continue;
      }
      const r = await row(op.sealed.subject);
      const key = r.keys[op.sealed.key];
      if (r.erasedAt) {
        erased.add(op.sealed.subject);
        dropped.push(recordKey(op.table, op.id));
      } else if (key) {
        let record: unknown;
        try {
          record = openRecord(state.teamId, op.sealed, fromBase64Url(key.key), op.table, op.id);
        } catch {
          throw new ChangeRefused(`a record of change ${change.seq} of device ${change.device} does not open with its subject's key (altered)`);
        }
        const { sealed: _sealed, ...rest } = op;
        ops.push({ ...rest, record });
      } else r.parked = [...r.parked, ParkedOp.parse({ order, actor: change.actor, device: change.device, ...(change.seen !== undefined ? { seen: change.seen } : {}), role, op })];
    }
    // Only rows this change altered are written back.
    for (const [subject, r] of rows) if (r.erasedAt || (JSON.stringify(r) === JSON.stringify((await this.db.subjectKeys.get(subject)) ?? emptyRow(subject)))) rows.delete(subject);
    return { ops, rows, dropped, erased: [...erased], unpark };
  }

  /** Applies, in their own team order, the parked records of a subject whose key has now arrived. */
  private async unpark(subject: string): Promise<void> {
    const state = (await this.state())!;
    const row = await this.db.subjectKeys.get(subject);
    if (!row || row.erasedAt) return;
    const parked = row.parked.map((p) => ParkedOp.parse(p)).sort((a, b) => a.order - b.order);
    const ready = parked.filter((p) => p.op.sealed && row.keys[p.op.sealed.key]);
    if (ready.length === 0) return;
    const pending = new Set((await this.db.outbox.toArray()).flatMap((r) => r.keys));
    for (const p of ready) {
      const { sealed, ...rest } = p.op;
      let record: unknown;
      try {
        record = openRecord(state.teamId, sealed!, fromBase64Url(row.keys[sealed!.key]!.key), p.op.table, p.op.id);
      } catch {
        continue;
      }
      const decided = await this.decide({ ...rest, record }, p.order, { device: p.device ?? '', actor: p.actor, seen: p.seen, seq: 0, ops: [] }, p.role, pending, false, { epoch: state.epoch, keys: state.teamKeys });
      await this.repos.store.commit(
        `${p.actor} (${p.role})`,
        decided.write ? [decided.write] : [],
        async (db) => {
          for (const m of decided.metas) await db.syncMeta.put(m);
          const now = await db.subjectKeys.get(subject);
          if (now) await db.subjectKeys.put({ ...now, parked: now.parked.filter((x) => (x as ParkedOp).order !== p.order || (x as ParkedOp).op.id !== p.op.id || (x as ParkedOp).op.table !== p.op.table) });
          if (decided.refused) {
            const s = (await this.state(db))!;
            await this.save({ ...s, refused: [...s.refused, { order: p.order, deviceId: '', reason: decided.refused, at: this.repos.store.nowIso() }].slice(-200) }, db);
          }
        },
        { send: false, tables: ['syncMeta', 'settings', 'subjectKeys'] },
      );
    }

  }

  /**
   * One of this device's own changes, back from the server in team order: its edited fields take their
   * place there (fields.ts), noting what they overwrote unseen as every other replica does.
   */
  private async settle(pulled: PulledChange, key: string, state: TeamState): Promise<boolean> {
    let change: Change | undefined;
    try {
      change = openChange(pulled.body, { team: state.teamId, device: pulled.deviceId, member: pulled.memberId, seq: pulled.seq }, fromBase64Url(key), fromBase64Url(state.keys.signPublic));
    } catch {
      change = undefined;
    }
    const ops: WriteOp[] = [];
    const metas: SyncMeta[] = [];
    for (const sent of change?.ops.filter((o) => o.fields) ?? []) {
      // This browser sealed its subjects' records itself (format 2): it opens them with the same keys;
      // a subject erased since has no keys left and nothing to settle.
      const op = await this.openOwn(sent, state);
      if (!op) continue;
      const current = await this.db.table(op.table).get(op.id);
      const settled = await settleOwn(this.db, op, current as Record<string, unknown> | undefined, change!, pulled.order, { epoch: state.epoch, keys: state.teamKeys });
      metas.push(...settled.metas);
      if (current && JSON.stringify(settled.record) !== JSON.stringify(current))
        ops.push({ table: op.table, kind: 'put', id: op.id, record: settled.record, action: 'update', detail: `overwritten value kept in the history (team change ${pulled.order})` });
    }
    await this.repos.store.commit(
      state.memberName,
      ops,
      async (db) => {
        for (const m of metas) await db.syncMeta.put(m);
        const now = await this.state(db);
        if (now) await this.save({ ...now, cursor: pulled.order }, db);
      },
      { send: false, tables: ['syncMeta', 'settings'] },
    );
    return true;
  }

  /** One of this device's own ops with its record opened (a subject's record was sealed with its key). */
  private async openOwn(op: ChangeOp, state: TeamState): Promise<ChangeOp | undefined> {
    if (!op.sealed) return op;
    const key = (await this.db.subjectKeys.get(op.sealed.subject))?.keys[op.sealed.key];
    if (!key) return undefined;
    const { sealed, ...rest } = op;
    return { ...rest, record: openRecord(state.teamId, sealed, fromBase64Url(key.key), op.table, op.id) };
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
    // Remembered so this browser certifies the member with this role, whatever the roster says later.
    const now = (await this.state())!;
    await this.save({ ...now, invited: { ...now.invited, [invited.memberId]: role } });
    return {
      code: encodeInvite({
        v: 1,
        url: state.url,
        token: invited.token,
        teamId: state.teamId,
        ...(key ? { epoch: state.epoch, key } : {}),
        ...(state.subjectSecret ? { subjectSecret: state.subjectSecret } : {}),
        ...(state.root ? { root: state.root } : {}),
      }),
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
