// The passphrase lock: turn on (encrypts personal fields in place), unlock, lock, change the passphrase,
// turn off. The passphrase goes to the background only; this page never holds a key.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { formatDateTime, t } from '../../shared/i18n';
import { ProgressNote, useProgress } from '../../shared/progress';
import { errorText } from '../../shared/error-text';

type Status = ResponseOf<'trust.status'>;
type AutoLock = ResponseOf<'trust.getAutoLock'>;

const IDLE_MINUTES = [5, 10, 15, 30, 60];
const MAX_HOURS = [1, 2, 4, 8, 12];

/** When the lock closes by itself; saved at once when changed. */
function AutoLockForm() {
  const [settings, setSettings] = useState<AutoLock | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => void send('trust.getAutoLock', {}).then(setSettings), []);
  if (!settings) return null;
  const change = (patch: Partial<AutoLock>) =>
    void send('trust.setAutoLock', { ...settings, ...patch }).then((s) => {
      setSettings(s);
      setSaved(true);
    });
  const options = (values: number[], current: number) => [...new Set([...values, current])].sort((a, b) => a - b);
  return (
    <form aria-label={t('autoLockTitle')} data-testid="auto-lock" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('autoLockIdle')}
        <select name="idle-minutes" value={String(settings.idleMinutes)} onChange={(e) => change({ idleMinutes: Number((e.target as HTMLSelectElement).value) })}>
          {options(IDLE_MINUTES, settings.idleMinutes).map((m) => <option key={m} value={String(m)}>{t('autoLockMinutes', String(m))}</option>)}
        </select>
      </label>
      <label>
        {t('autoLockMax')}
        <select name="max-hours" value={String(settings.maxHours)} onChange={(e) => change({ maxHours: Number((e.target as HTMLSelectElement).value) })}>
          {options(MAX_HOURS, settings.maxHours).map((h) => <option key={h} value={String(h)}>{t('autoLockHours', String(h))}</option>)}
        </select>
      </label>
      <p class="wide muted">{t('autoLockNote')}{saved ? ` ${t('saved')}` : ''}</p>
    </form>
  );
}
type Note = { ok: boolean; text: string } | undefined;

const MIN = 10;

function Pass({ name, label, value, set, autocomplete = 'current-password' }: { name: string; label: string; value: string; set(v: string): void; autocomplete?: string }) {
  return (
    <label>
      {label}
      <input type="password" name={name} autocomplete={autocomplete} required value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </label>
  );
}

export function SecuritySection() {
  const [status, setStatus] = useState<Status | undefined>();
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const [pass, setPass] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  useEffect(() => void send('trust.status', {}).then(setStatus), []);
  const progress = useProgress(busy);

  const clear = () => {
    setPass('');
    setNext('');
    setAgain('');
  };
  async function run(action: () => Promise<Status | { status: Status; records: number }>, done: (records?: number) => string) {
    setBusy(true);
    setNote(undefined);
    try {
      const result = await action();
      const s = 'status' in result ? result.status : result;
      setStatus(s);
      setNote({ ok: true, text: done('records' in result ? result.records : undefined) });
      clear();
    } catch (error) {
      setNote({ ok: false, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }
  /** New passphrases are checked here first so a typo never locks anyone out. */
  const newOk = (): boolean => {
    if (next.length < MIN) return setNote({ ok: false, text: t('lockTooShort', String(MIN)) }), false;
    if (next !== again) return setNote({ ok: false, text: t('lockMismatch') }), false;
    return true;
  };

  if (!status) return <p class="muted">…</p>;
  const state = <p data-testid="lock-state" class={status.state === 'locked' ? 'warn' : status.state === 'unlocked' ? 'ok' : 'muted'}>{t(`lockState_${status.state}`)}{status.enabledAt ? ` · ${t('lockSince', formatDateTime(status.enabledAt))}` : ''}</p>;
  const message = note ? <p role="status" data-testid="lock-message" class={note.ok ? 'ok' : 'warn'}>{note.text}</p> : null;

  return (
    <div data-testid="security">
      <p class="muted">{t('lockIntro')}</p>
      <details data-testid="lock-protects">
        <summary>{t('lockProtectsTitle')}</summary>
        <p>{t('lockProtects')}</p>
        <p>{t('lockDoesNotProtect')}</p>
        <p class="warn">{t('lockDiskEncryption')}</p>
      </details>
      {state}
      {status.state === 'off' ? (
        <form
          aria-label={t('lockEnable')}
          onSubmit={(e) => {
            e.preventDefault();
            if (newOk()) void run(() => send('trust.enable', { passphrase: next }), (n) => t('lockEnabled', String(n ?? 0)));
          }}
        >
          <Pass name="new" label={t('lockNew')} value={next} set={setNext} autocomplete="new-password" />
          <Pass name="again" label={t('lockAgain')} value={again} set={setAgain} autocomplete="new-password" />
          <p class="wide warn">{t('lockWarning')}</p>
          <div class="actions"><button class="primary" type="submit" disabled={busy}>{t('lockEnable')}</button></div>
        </form>
      ) : null}
      {status.state === 'locked' ? (
        <form
          aria-label={t('lockUnlock')}
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => send('trust.unlock', { passphrase: pass }), () => t('lockUnlocked'));
          }}
        >
          <Pass name="passphrase" label={t('lockPassphrase')} value={pass} set={setPass} />
          <div class="actions"><button class="primary" type="submit" disabled={busy}>{t('lockUnlock')}</button></div>
        </form>
      ) : null}
      {status.state === 'unlocked' ? (
        <>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void run(() => send('trust.lock', {}), () => t('lockLocked'))}>{t('lockLockNow')}</button>
          </div>
          <form
            aria-label={t('lockChange')}
            onSubmit={(e) => {
              e.preventDefault();
              if (newOk()) void run(() => send('trust.changePassphrase', { current: pass, next }), (n) => t('lockChanged', String(n ?? 0)));
            }}
          >
            <Pass name="current" label={t('lockCurrent')} value={pass} set={setPass} />
            <span />
            <Pass name="new" label={t('lockNew')} value={next} set={setNext} autocomplete="new-password" />
            <Pass name="again" label={t('lockAgain')} value={again} set={setAgain} autocomplete="new-password" />
            <div class="actions"><button type="submit" disabled={busy}>{t('lockChange')}</button></div>
          </form>
        </>
      ) : null}
      {status.state === 'unlocked' ? <AutoLockForm /> : null}
      {status.state !== 'off' ? (
        <details>
          <summary>{t('lockDisable')}</summary>
          <form
            aria-label={t('lockDisable')}
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => send('trust.disable', { passphrase: pass }), (n) => t('lockDisabled', String(n ?? 0)));
            }}
          >
            <Pass name="passphrase" label={t('lockPassphrase')} value={pass} set={setPass} />
            <div class="actions"><button type="submit" disabled={busy}>{t('lockDisable')}</button></div>
          </form>
        </details>
      ) : null}
      <ProgressNote progress={progress} />
      {message}
    </div>
  );
}
