// Backup and restore. The background makes and checks the file (it holds the key while the lock is on);
// this page moves it in chunks, because runtime messages are limited in size.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import { BACKUP_CHUNK } from '../../../lib/messaging/messages/trust';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { t } from '../../shared/i18n';
import { readChosenFile } from '../../shared/read-file';
import { ProgressNote, useProgress } from '../../shared/progress';
import { errorText } from '../../shared/error-text';

type Note = { ok: boolean; text: string } | undefined;

function Download() {
  const [choice, setEncrypt] = useState(false);
  // With the passphrase lock on, the background refuses a plain backup: the page says so up front.
  const [lockOn, setLockOn] = useState(false);
  useEffect(() => void send('trust.status', {}).then((s) => setLockOn(s.state !== 'off')), []);
  const encrypt = choice || lockOn;
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);

  async function download(e: Event) {
    e.preventDefault();
    // The lock may have been turned on since this page opened (the section above): ask again.
    if (!encrypt && (await send('trust.status', {})).state !== 'off') {
      setLockOn(true);
      return setNote({ ok: false, text: t('backupEncryptRequired') });
    }
    if (encrypt && pass !== again) return setNote({ ok: false, text: t('lockMismatch') });
    setBusy(true);
    setNote(undefined);
    try {
      const made = await send('backup.create', encrypt ? { passphrase: pass } : {});
      const parts: string[] = [];
      for (let index = 0; index < made.chunks; index += 1) parts.push((await send('backup.chunk', { id: made.id, index })).text);
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = made.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      const records = Object.entries(made.counts).reduce((n, [k, v]) => (k === 'audit' || k === 'settings' ? n : n + v), 0);
      setNote({ ok: true, text: t('backupMade', [made.fileName, String(records), made.sha256.slice(0, 12)]) });
    } catch (error) {
      setNote({ ok: false, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={download} aria-label={t('backupDownload')} data-testid="backup-download">
      <label class="wide check">
        <span>
          <input type="checkbox" name="encrypt" checked={encrypt} disabled={lockOn} onChange={(e) => setEncrypt((e.target as HTMLInputElement).checked)} /> {t('backupEncrypt')}
        </span>
      </label>
      {lockOn ? <p class="wide muted" data-testid="backup-encrypt-required">{t('backupEncryptRequired')}</p> : null}
      {encrypt ? (
        <>
          <label>
            {t('lockNew')}
            <input type="password" name="backup-pass" autocomplete="new-password" minLength={10} required value={pass} onInput={(e) => setPass((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            {t('lockAgain')}
            <input type="password" name="backup-again" autocomplete="new-password" required value={again} onInput={(e) => setAgain((e.target as HTMLInputElement).value)} />
          </label>
        </>
      ) : (
        <p class="wide muted">{t('backupPlainNote')}</p>
      )}
      <div class="actions">
        <button class="primary" type="submit" disabled={busy}>{t('backupDownload')}</button>
        {note ? <span role="status" data-testid="backup-message" class={note.ok ? 'ok' : 'warn'}>{note.text}</span> : null}
      </div>
    </form>
  );
}

type Inspection = ResponseOf<'backup.inspect'>;

/** This browser's audit chain head beside the file's, shown before a replace (lib/backup/inspect.ts). */
function Heads({ seen }: { seen: Inspection }) {
  const short = (hash: string) => hash.slice(0, 16);
  return (
    <div class="wide" data-testid="restore-heads">
      <h4>{t('restoreHeadsTitle')}</h4>
      <p data-testid="restore-head-local">{t('restoreHeadLocal', [String(seen.local.entries), short(seen.local.head)])}</p>
      {seen.file.ok ? (
        <p data-testid="restore-head-file">{t('restoreHeadFile', [String(seen.file.entries), short(seen.file.head)])}</p>
      ) : (
        <p class="warn" data-testid="restore-head-file">{t('restoreHeadFileBroken', [String(seen.file.entries), seen.file.reason])}</p>
      )}
      {seen.lost > 0 ? <p class="warn" data-testid="restore-head-lost">{t('restoreHeadLost', String(seen.lost))}</p> : null}
      {seen.diverges ? <p class="warn" data-testid="restore-head-diverges">{t('restoreHeadDiverges')}</p> : null}
    </div>
  );
}

function Restore() {
  const [file, setFile] = useState<File | undefined>();
  const [pass, setPass] = useState('');
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const [sure, setSure] = useState(false);
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  // A replace first shows both audit heads; the upload waits in the background for the confirmation.
  const [pending, setPending] = useState<{ id: string; seen: Inspection } | undefined>();
  const progress = useProgress(busy);

  async function upload(chosen: File): Promise<string> {
    const text = await readChosenFile(chosen, 'backup');
    const total = Math.max(1, Math.ceil(text.length / BACKUP_CHUNK));
    let id: string | undefined;
    for (let index = 0; index < total; index += 1)
      id = (await send('backup.upload', { ...(id ? { id } : {}), index, total, text: text.slice(index * BACKUP_CHUNK, (index + 1) * BACKUP_CHUNK) })).id;
    return id!;
  }

  async function run(id: string) {
    const result: ResponseOf<'backup.restore'> = await send('backup.restore', { id, mode, ...(pass ? { passphrase: pass } : {}) });
    const summary =
      result.mode === 'replace'
        ? t('restoreReplaced', [String(result.records), String(result.auditEntries)])
        : t('restoreMerged', [String(result.added), String(result.replaced), String(result.kept)]);
    setNote({ ok: true, text: result.erasuresUndone ? `${summary} ${t('restoreErasuresUndone', String(result.erasuresUndone))}` : summary });
    setSure(false);
  }

  async function step(work: () => Promise<void>) {
    setBusy(true);
    setNote(undefined);
    try {
      await work();
    } catch (error) {
      setNote({ ok: false, text: t('restoreFailed', errorText(error)) });
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    if (!pending) return;
    setPending(undefined);
    await send('backup.discard', { id: pending.id }).catch(() => undefined);
  }

  async function restore(e: Event) {
    e.preventDefault();
    if (!file) return;
    await discard();
    await step(async () => {
      const id = await upload(file);
      if (mode === 'merge') return run(id);
      try {
        setPending({ id, seen: await send('backup.inspect', { id, ...(pass ? { passphrase: pass } : {}) }) });
      } catch (error) {
        await send('backup.discard', { id }).catch(() => undefined);
        throw error;
      }
    });
  }

  async function confirm() {
    if (!pending) return;
    const { id } = pending;
    setPending(undefined);
    await step(() => run(id));
  }

  // Changing the file, passphrase or mode invalidates what was shown.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    void discard();
    set(v);
  };

  return (
    <form onSubmit={restore} aria-label={t('restoreTitle')} data-testid="backup-restore">
      <label class="wide">
        {t('restoreFile')}
        <input type="file" name="file" accept=".json,application/json" required onChange={(e) => changed(setFile)((e.target as HTMLInputElement).files?.[0])} />
      </label>
      <label>
        {t('restorePassphrase')}
        <input type="password" name="restore-pass" autocomplete="off" value={pass} onInput={(e) => changed(setPass)((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('restoreMode')}
        <select name="mode" value={mode} onChange={(e) => changed(setMode)((e.target as HTMLSelectElement).value as 'replace' | 'merge')}>
          <option value="replace">{t('restoreModeReplace')}</option>
          <option value="merge">{t('restoreModeMerge')}</option>
        </select>
      </label>
      <p class="wide muted">{mode === 'replace' ? t('restoreReplaceNote') : t('restoreMergeNote')}</p>
      {mode === 'replace' ? (
        <label class="wide check">
          <span>
            <input type="checkbox" name="sure" checked={sure} onChange={(e) => setSure((e.target as HTMLInputElement).checked)} /> {t('restoreSure')}
          </span>
        </label>
      ) : null}
      {pending ? (
        <>
          <Heads seen={pending.seen} />
          <div class="actions">
            <button type="button" class="danger" data-testid="restore-confirm" disabled={busy || !sure} onClick={() => void confirm()}>
              {t('restoreConfirmReplace')}
            </button>
            <button type="button" disabled={busy} onClick={() => void discard()}>{t('restoreCancel')}</button>
          </div>
        </>
      ) : (
        <div class="actions">
          <button type="submit" disabled={busy || !file || (mode === 'replace' && !sure)}>{t('restoreButton')}</button>
        </div>
      )}
      <ProgressNote progress={progress} />
      {note ? <p role="status" data-testid="restore-message" class={`wide ${note.ok ? 'ok' : 'warn'}`}>{note.text}</p> : null}
    </form>
  );
}

export function BackupSection() {
  return (
    <div data-testid="backup">
      <p class="muted">{t('backupIntro')}</p>
      <Download />
      <h3>{t('restoreTitle')}</h3>
      <Restore />
    </div>
  );
}
