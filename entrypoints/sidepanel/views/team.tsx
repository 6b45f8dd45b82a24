// The side panel's team line: while the panel is open it syncs every few seconds (live), says when it
// last did and what waits, and tells the views when the team's changes arrived so they reload.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { formatDateTime, formatNumber, t } from '../../shared/i18n';

/** Dispatched on window when changes from the team were written here. */
export const TEAM_CHANGED = 'pd:team-changed';
const LIVE_MS = 2000;

export function TeamStatus() {
  const [status, setStatus] = useState<ResponseOf<'team.status'> | undefined>();
  useEffect(() => {
    let cursor = -1;
    let stopped = false;
    const tick = async () => {
      const first = await send('team.status', {}).catch(() => undefined);
      if (!first?.joined || stopped) return setStatus(first);
      const s = await send('team.sync', {}).catch(() => first);
      if (stopped) return;
      if (cursor >= 0 && s.cursor !== cursor) window.dispatchEvent(new Event(TEAM_CHANGED));
      cursor = s.cursor;
      setStatus(s);
    };
    void tick();
    const timer = setInterval(() => document.visibilityState === 'visible' && void tick(), LIVE_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  if (!status?.joined) return null;
  if (status.locked)
    return (
      <div class="team-line warn" data-testid="team-line" role="status">
        {t('teamLocked')}
      </div>
    );
  return (
    <div class={`team-line ${status.lastError ? 'warn' : 'muted'}`} data-testid="team-line" role="status">
      {t('teamLine', [status.memberName ?? '', t(`teamRole_${status.role ?? 'agent'}`)])}
      {' · '}
      {status.lastError ? t('teamSyncError', status.lastError) : status.lastSyncAt ? t('teamSynced', formatDateTime(status.lastSyncAt)) : t('teamNotSynced')}
      {status.waiting > 0 ? ` · ${t('teamWaiting', formatNumber(status.waiting))}` : ''}
    </div>
  );
}
