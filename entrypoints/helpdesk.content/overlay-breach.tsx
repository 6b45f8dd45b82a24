// "Report a possible breach" from a ticket, in the overlay's expanded view (the ▾ of the compact card):
// it opens a draft breach in the register with the ticket as evidence and the awareness time the agent
// confirms (now by default; the 72 hours of Art. 33(1) run from it). Only `overlay.*` messages.
import { useEffect, useState } from 'preact/hooks';
import type { TicketContext } from '../../lib/model/helpdesk';
import { send } from '../../lib/messaging/client';
import { formatDateTime, t } from '../shared/i18n';
import { errorText } from '../shared/error-text';
import { trusted } from './trusted';

/** A datetime-local value for an instant, in the agent's local wall time. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function ReportBreach({ ticket, signal }: { ticket: TicketContext; signal: AbortSignal }) {
  const [open, setOpen] = useState(false);
  const [aware, setAware] = useState(() => localInput(new Date()));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ breachId: string; dueAt: string; created: boolean } | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setOpen(false);
    setResult(undefined);
    setError(undefined);
  }, [ticket.ticketId]);

  async function report(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const awareAt = new Date(aware);
      const reply = await send('overlay.reportBreach', { ticket, ...(Number.isNaN(awareAt.getTime()) ? {} : { awareAt: awareAt.toISOString() }) });
      if (!signal.aborted) setResult(reply);
    } catch (err) {
      if (!signal.aborted) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="pd-breach" data-testid="pd-breach">
      {!open && !result ? (
        <button
          type="button"
          data-testid="pd-report-breach"
          onClick={trusted(() => {
            setAware(localInput(new Date()));
            setOpen(true);
          })}
        >
          {t('overlayReportBreach')}
        </button>
      ) : null}
      {open && !result ? (
        <form class="pd-form" onSubmit={trusted(report)} data-testid="pd-breach-form">
          <p class="pd-muted">{t('overlayBreachHint')}</p>
          <label class="pd-field">
            <span>{t('breachAwareAt')}</span>
            <input type="datetime-local" required value={aware} data-testid="pd-breach-aware" onInput={trusted((e: Event) => setAware((e.target as HTMLInputElement).value))} />
          </label>
          <div class="pd-actions">
            <button type="submit" class="pd-primary" disabled={busy} data-testid="pd-breach-submit">
              {t('overlayBreachOpen')}
            </button>
            <button type="button" onClick={trusted(() => setOpen(false))}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {error ? <p class="pd-warn" role="status">{error}</p> : null}
      {result ? (
        <div class="pd-ok" role="status" data-testid="pd-breach-result">
          {t(result.created ? 'overlayBreachRecorded' : 'overlayBreachAlready', formatDateTime(result.dueAt))}{' '}
          <button type="button" class="pd-link" data-testid="pd-breach-open" onClick={trusted(() => void send('overlay.openSidePanel', { breachId: result.breachId }))}>
            {t('overlayBreachShow')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
