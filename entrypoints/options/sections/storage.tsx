// Storage safety: how much this browser lets Privacy Desk keep, and asking it not to evict the data
// under storage pressure (navigator.storage.persist(), which only a page can ask for).
import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../shared/i18n';

const bytes = (n: number) => new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: n >= 1e9 ? 'gigabyte' : 'megabyte', maximumFractionDigits: 1 }).format(n >= 1e9 ? n / 1e9 : n / 1e6);

export function StorageSection() {
  const [estimate, setEstimate] = useState<StorageEstimate | undefined>();
  const [persisted, setPersisted] = useState<boolean | undefined>();
  const [asked, setAsked] = useState(false);
  const refresh = async () => {
    setEstimate(await navigator.storage.estimate());
    setPersisted(await navigator.storage.persisted());
  };
  useEffect(() => void refresh(), []);

  const used = estimate?.usage ?? 0;
  const quota = estimate?.quota ?? 0;
  return (
    <div data-testid="storage">
      <p data-testid="storage-usage">{estimate ? t('storageUsage', [bytes(used), bytes(quota), quota ? ((100 * used) / quota).toFixed(1) : '0']) : '…'}</p>
      {quota ? <progress max={quota} value={used} aria-label={t('storageTitle')} /> : null}
      <p data-testid="storage-persisted" class={persisted ? 'ok' : 'muted'}>{persisted ? t('storagePersisted') : t('storageNotPersisted')}</p>
      {persisted ? null : (
        <div class="actions">
          <button
            type="button"
            onClick={async () => {
              setPersisted(await navigator.storage.persist());
              setAsked(true);
              await refresh();
            }}
          >
            {t('storagePersist')}
          </button>
          {asked && !persisted ? <span class="warn">{t('storagePersistRefused')}</span> : null}
        </div>
      )}
      <p class="muted">{t('storageFullNote')}</p>
    </div>
  );
}
