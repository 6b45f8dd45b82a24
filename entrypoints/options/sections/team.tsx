// Team: join with an invite code; for a DPO, the members with their roles, invites and revocation; for
// everyone, the sync state in words (lib/sync). Invite codes carry the team key: they are shown once,
// here, to be handed over out of band, and never travel through the team server.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { formatDateTime, formatNumber, t } from '../../shared/i18n';
import { Choice } from '../../shared/choice';
import { errorText } from '../../shared/error-text';

type Status = ResponseOf<'team.status'>;
type Members = ResponseOf<'team.members'>;
type Note = { ok: boolean; text: string } | undefined;
const ROLES = ['agent', 'dpo', 'legal'] as const;

export function TeamSection() {
  const [status, setStatus] = useState<Status | undefined>();
  const [members, setMembers] = useState<Members | undefined>();
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('agent');
  const [invite, setInvite] = useState<ResponseOf<'team.invite'> | undefined>();

  const loadMembers = (s: Status) => (s.joined ? send('team.members', {}).then(setMembers, () => undefined) : undefined);
  useEffect(() => {
    void send('team.status', {}).then((s) => {
      setStatus(s);
      void loadMembers(s);
    });
  }, []);

  async function run<T>(action: () => Promise<T>, after: (r: T) => void) {
    setBusy(true);
    setNote(undefined);
    try {
      after(await action());
    } catch (error) {
      setNote({ ok: false, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  if (!status) return <p class="muted">…</p>;
  const message = note ? <p role="status" data-testid="team-message" class={note.ok ? 'ok' : 'warn'}>{note.text}</p> : null;

  if (!status.joined)
    return (
      <div data-testid="team">
        <p class="muted">{t('teamIntro')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => send('team.join', { code, name }),
              (s) => {
                setStatus(s);
                setCode('');
                setNote({ ok: true, text: t('teamJoined', t(`teamRole_${s.role ?? 'agent'}`)) });
                void loadMembers(s);
              },
            );
          }}
        >
          <label>
            {t('teamYourName')}
            <input name="team-name" required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            {t('teamInviteCode')}
            <textarea name="team-code" required rows={3} spellcheck={false} value={code} onInput={(e) => setCode((e.target as HTMLTextAreaElement).value)} />
          </label>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {t('teamJoin')}
            </button>
          </div>
        </form>
        {message}
      </div>
    );

  if (status.locked)
    return (
      <div data-testid="team">
        <p data-testid="team-state" class="warn">
          {t('teamLocked')}
        </p>
      </div>
    );

  return (
    <div data-testid="team">
      <p data-testid="team-state" class={status.lastError ? 'warn' : 'ok'}>
        {t('teamMember', [status.memberName ?? '', t(`teamRole_${status.role ?? 'agent'}`), status.url ?? ''])}
      </p>
      <p data-testid="team-sync" class={status.lastError ? 'warn' : 'muted'}>
        {status.lastError ? t('teamSyncError', status.lastError) : status.lastSyncAt ? t('teamSynced', formatDateTime(status.lastSyncAt)) : t('teamNotSynced')}
        {' · '}
        {t('teamWaiting', formatNumber(status.waiting))}
        {!status.hasKey ? ` · ${t('teamNoKey')}` : ''}
        {status.refused > 0 ? ` · ${t('teamRefused', formatNumber(status.refused))}` : ''}
        {status.gaps > 0 ? ` · ${t('teamGaps', formatNumber(status.gaps))}` : ''}
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void run(() => send('team.sync', {}), setStatus)}>
          {t('teamSyncNow')}
        </button>
      </div>
      {members ? (
        <table data-testid="team-members">
          <thead>
            <tr>
              <th scope="col">{t('teamMemberId')}</th>
              <th scope="col">{t('teamRole')}</th>
              <th scope="col">{t('teamDevices')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {members.members.map((m) => (
              <tr key={m.memberId} data-testid="team-member" data-member={m.memberId}>
                <td>
                  <code>{m.memberId.slice(0, 8)}</code>
                  {m.memberId === members.me ? ` (${t('teamYou')})` : ''}
                </td>
                <td>{t(`teamRole_${m.role}`)}</td>
                <td>{m.revokedAt ? t('teamRevokedOn', formatDateTime(m.revokedAt)) : formatNumber(m.devices.length)}</td>
                <td>
                  {status.role === 'dpo' && !m.revokedAt && m.memberId !== members.me ? (
                    <button
                      type="button"
                      class="danger"
                      disabled={busy}
                      onClick={() =>
                        void run(
                          () => send('team.revoke', { memberId: m.memberId }),
                          (s) => {
                            setStatus(s);
                            setNote({ ok: true, text: t('teamRevokedDone') });
                            void loadMembers(s);
                          },
                        )
                      }
                    >
                      {t('teamRevoke')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {status.role === 'dpo' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => send('team.invite', { role }), (r) => {
              setInvite(r);
              void loadMembers(status);
            });
          }}
        >
          <label>
            {t('teamInviteRole')}
            <Choice value={role} onChange={(v) => setRole(v)} testId="team-role" options={ROLES.map((r) => ({ value: r, label: t(`teamRole_${r}`) }))} />
          </label>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {t('teamInvite')}
            </button>
          </div>
          {invite ? (
            <div data-testid="team-invite">
              <p class="muted">{t('teamInviteHint', formatDateTime(invite.expiresAt))}</p>
              <textarea readOnly rows={4} spellcheck={false} value={invite.code} data-testid="team-invite-code" onFocus={(e) => (e.target as HTMLTextAreaElement).select()} />
            </div>
          ) : null}
        </form>
      ) : null}
      {message}
    </div>
  );
}
