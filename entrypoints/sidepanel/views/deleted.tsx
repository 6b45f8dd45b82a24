// Recently deleted: what a delete kept for the recovery window, when each record goes for good, and
// restore on a click (README: soft delete with a recovery window, then purge). Restores are audited
// by the background like every other write.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import type { DeletedItem } from '../../../lib/model/deleted';
import { formatDue, formatNumber, t } from '../../shared/i18n';
import { errorText } from '../../shared/error-text';

type Listing = ResponseOf<'deleted.list'>;

export function DeletedView() {
  const [listing, setListing] = useState<Listing | undefined>();
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState<string | undefined>();

  const load = () => send('deleted.list', {}).then(setListing, (e: unknown) => setStatus({ tone: 'error', text: errorText(e) }));
  useEffect(() => void load(), []);

  async function restore(item: DeletedItem) {
    setBusy(item.id);
    setStatus(undefined);
    try {
      await send('deleted.restore', { table: item.table, id: item.id });
      setStatus({ tone: 'ok', text: t('deleted_restored', [t(`deleted_table_${item.table}`), titleOf(item)]) });
      await load();
    } catch (e) {
      setStatus({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section class="deleted-view" data-testid="deleted-view" aria-labelledby="deleted-heading">
      <h2 id="deleted-heading">{t('navDeleted')}</h2>
      {listing ? <p class="muted">{t('deleted_intro', formatNumber(listing.recoveryDays))}</p> : null}
      {status ? (
        <p class={status.tone === 'ok' ? 'ok' : 'warn'} role={status.tone === 'ok' ? 'status' : 'alert'} data-testid="deleted-status">
          {status.text}
        </p>
      ) : null}
      {!listing ? null : listing.items.length === 0 ? (
        <p data-testid="deleted-empty">{t('deleted_empty', formatNumber(listing.recoveryDays))}</p>
      ) : (
        <ul class="deleted-list">
          {listing.items.map((item) => (
            <li key={`${item.table}/${item.id}`} data-testid="deleted-item" data-table={item.table}>
              <span class="deleted-kind">{t(`deleted_table_${item.table}`)}</span> <strong>{titleOf(item)}</strong>
              <br />
              <span class="muted">
                {t('deleted_on', formatDue(item.deletedAt))} · <span data-testid="deleted-purge">{t('deleted_purgeOn', formatDue(item.purgeAt))}</span>
              </span>{' '}
              <button type="button" disabled={busy === item.id} onClick={() => void restore(item)} aria-label={`${t('deleted_restore')}: ${titleOf(item)}`}>
                {t('deleted_restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function titleOf(item: DeletedItem): string {
  const type = item.requestType ? t(`type_${item.requestType}`) : '';
  const title = item.title || t('deleted_untitled');
  return type ? `${type} — ${title}` : title;
}
