// The breach register (Art. 33(5)) beside the request queue: every breach with its live 72-hour countdown
// (Art. 33(1)), a form to record one, and the register's export as CSV, JSON and PDF report.
import { useEffect, useState } from 'preact/hooks';
import type { Breach } from '../../../lib/model/breach';
import { send } from '../../../lib/messaging/client';
import { formatDateTime, t, uiLanguage } from '../../shared/i18n';
import { BreachDetail } from './breach-detail';
import { countdown, fromLocalInput, toLocalInput, useNow } from './breach-clock';
import { downloadBlob } from '../download';
import { downloadPdf } from '../../documents/pdf';
import { errorText } from '../../shared/error-text';

export function BreachesView() {
  const [breaches, setBreaches] = useState<Breach[] | undefined>();
  const [selected, setSelected] = useState<string | undefined>(new URLSearchParams(location.search).get('breach') ?? undefined);
  const [error, setError] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const now = useNow();

  const load = () => send('breaches.list', {}).then((r) => setBreaches(r.breaches), (e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), []);

  if (selected) return <BreachDetail id={selected} onClose={() => (setSelected(undefined), void load())} onChanged={() => void load()} />;

  async function exportRegister(format: 'csv' | 'json' | 'pdf') {
    setError(undefined);
    try {
      const out = await send('breaches.export', { format, language: uiLanguage() });
      if (out.format === 'pdf') downloadPdf(out.document, out.content);
      else downloadBlob(new Blob([out.content], { type: out.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' }), out.fileName);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section class="detail" aria-labelledby="breaches-title" data-testid="breaches-view">
      <header class="detail-head">
        <h2 id="breaches-title">{t('breachesTitle')}</h2>
        <button type="button" class="primary" aria-expanded={adding} onClick={() => setAdding(!adding)} data-testid="breach-new">
          {t('breachNew')}
        </button>
      </header>
      {adding ? (
        <NewBreach
          onCreated={(id) => {
            setAdding(false);
            setSelected(id);
          }}
          onError={setError}
        />
      ) : null}
      {error ? <p class="warn" role="alert">{error}</p> : null}
      {breaches === undefined ? (
        <p>…</p>
      ) : breaches.length === 0 ? (
        <p class="muted">{t('breachesEmpty')}</p>
      ) : (
        <ul class="breach-list" data-testid="breach-list">
          {breaches.map((b) => {
            const clock = countdown(b.dueAt, now);
            return (
              <li key={b.id}>
                <button type="button" class="breach-row" onClick={() => setSelected(b.id)} data-testid="breach-row">
                  <span class="who">{b.title}</span>
                  <span class="meta">
                    <span class="badge">{t(`breachStatus_${b.status}`)}</span>
                    {t('breachAwareAt')} {formatDateTime(b.awareAt)}
                  </span>
                  <span class={b.open && clock.overdue ? 'due overdue' : 'due'} data-testid="breach-countdown">
                    {b.open ? clock.text : b.authority.reference ? `${t('breachReference')} ${b.authority.reference}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="row-actions" aria-label={t('breachExport')}>
        <span class="muted">{t('breachExport')}:</span>
        <button type="button" onClick={() => void exportRegister('csv')} data-testid="breach-export-csv">CSV</button>
        <button type="button" onClick={() => void exportRegister('json')} data-testid="breach-export-json">JSON</button>
        <button type="button" onClick={() => void exportRegister('pdf')} data-testid="breach-export-pdf">PDF</button>
      </div>
    </section>
  );
}

function NewBreach({ onCreated, onError }: { onCreated(id: string): void; onError(message: string): void }) {
  const [title, setTitle] = useState('');
  const [aware, setAware] = useState(toLocalInput(new Date().toISOString()));
  return (
    <form
      class="card"
      aria-label={t('breachNew')}
      data-testid="breach-new-form"
      onSubmit={(e) => {
        e.preventDefault();
        send('breaches.create', { title, awareAt: fromLocalInput(aware) }).then((b) => onCreated(b.id), (err: unknown) => onError(errorText(err)));
      }}
    >
      <label>
        {t('breachTitleField')}
        <input value={title} required maxLength={500} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('breachAwareAt')}
        <input type="datetime-local" value={aware} required onInput={(e) => setAware((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="primary">{t('breachCreate')}</button>
    </form>
  );
}
