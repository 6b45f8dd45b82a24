// While a long operation runs in the background (turning the lock on, changing the passphrase, an erasure, a
// restore), the page that started it polls its progress and says what happens if the browser closes.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { formatNumber, t } from './i18n';

type Progress = ResponseOf<'trust.progress'>;
const POLL_MS = 300;

export function useProgress(busy: boolean): Progress {
  const [progress, setProgress] = useState<Progress>(null);
  useEffect(() => {
    if (!busy) return setProgress(null);
    let stopped = false;
    const poll = () =>
      void send('trust.progress', {})
        .then((p) => !stopped && setProgress(p))
        .catch(() => undefined)
        .finally(() => !stopped && setTimeout(poll, POLL_MS));
    poll();
    return () => {
      stopped = true;
    };
  }, [busy]);
  return progress;
}

export function ProgressNote({ progress }: { progress: Progress }) {
  if (!progress) return null;
  const { phase, done, total } = progress;
  return (
    <div class="wide" role="status" data-testid="progress">
      {total > 0 ? <progress max={total} value={done} /> : <progress />}
      <p class="muted">
        {t(`progress_${phase}`)}
        {total > 0 ? ` ${t('progressRecords', [formatNumber(done), formatNumber(total)])}` : ''}
      </p>
      <p class="muted">{t('progressSafe')}</p>
    </div>
  );
}
