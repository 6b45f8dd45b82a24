// The overlay: a Preact app in an open Shadow DOM root at the adapter's anchor. Page strings are only
// ever rendered as text nodes (Preact escapes them); nothing of ours is written into the host's DOM
// except the shadow host element itself.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { HelpdeskAdapter } from '../../lib/hosts/adapter';
import type { TicketContext } from '../../lib/model/helpdesk';
import { REQUEST_ARTICLE, REQUEST_TYPES, type RequestType } from '../../lib/model/request';
import type { SubjectSummary } from '../../lib/messaging/protocol';
import { MessageFailure, send } from '../../lib/messaging/client';
import { classifyTicket } from '../../lib/detect/ticket';
import { formatDue, t } from '../shared/i18n';
import { OVERLAY_TAG, type TicketState } from './watcher';
import { OVERLAY_CSS } from './overlay-css';
import { ReportBreach } from './overlay-breach';
import { RecordConsentAndEvent } from './overlay-register';
import { censoredOutline } from '../../lib/dom/censor';
import { errorText } from '../shared/error-text';

export class Overlay {
  private host?: HTMLElement;
  private mount?: HTMLElement;

  constructor(private readonly adapter: HelpdeskAdapter) {}

  show(state: TicketState) {
    if (state.kind === 'none') return this.destroy();
    const anchor = state.kind === 'ticket' ? state.anchor : null;
    const parent = anchor ?? document.body;
    if (!this.host || !this.host.isConnected || this.host.parentElement !== parent) this.attach(parent, !anchor);
    render(<OverlayApp key={state.kind === 'ticket' ? state.ticket.ticketId : 'error'} state={state} helpdesk={this.adapter.label} />, this.mount!);
  }

  private attach(parent: Element, floating: boolean) {
    this.destroy();
    const host = document.createElement(OVERLAY_TAG);
    if (floating) host.setAttribute('style', 'position:fixed;right:16px;bottom:16px;z-index:2147483646;');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    const mount = document.createElement('div');
    shadow.append(style, mount);
    parent.append(host);
    this.host = host;
    this.mount = mount;
  }

  /** The flag-ticket keyboard shortcut presses our own flag button, exactly as a click would. */
  pressFlag(): boolean {
    const button = this.host?.shadowRoot?.querySelector<HTMLButtonElement>('button[data-pd-flag]');
    if (!button || button.disabled) return false;
    button.click();
    return true;
  }

  destroy() {
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = undefined;
    this.mount = undefined;
  }
}

function OverlayApp({ state, helpdesk }: { state: TicketState; helpdesk: string }) {
  if (state.kind === 'unrecognised')
    return (
      <section class="pd" role="region" aria-label="Privacy Desk">
        <header class="pd-head">Privacy Desk</header>
        <p class="pd-warn" role="alert">{t('overlayLayoutChanged', helpdesk)}</p>
        <p class="pd-muted">{state.error.selectorName}</p>
        <details class="pd-diag">
          <summary>{t('overlayDiagnostics')}</summary>
          <p class="pd-muted">{t('overlayDiagnosticsHint')}</p>
          <pre data-testid="diagnostics">{censoredOutline(document.body)}</pre>
        </details>
      </section>
    );
  if (state.kind !== 'ticket') return null;
  return <TicketPanel ticket={state.ticket} signal={state.signal} />;
}

function TicketPanel({ ticket, signal }: { ticket: TicketContext; signal: AbortSignal }) {
  const detection = useMemo(() => classifyTicket(ticket.messages), [ticket]);
  const [summary, setSummary] = useState<SubjectSummary | undefined>();
  const [type, setType] = useState<RequestType>(detection.type ?? 'access');
  const [email, setEmail] = useState(ticket.requesterEmail ?? '');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState(false);

  const lookup = () =>
    send('overlay.lookup', { ...(email ? { email } : {}), helpdesk: ticket.helpdesk, ticketId: ticket.ticketId })
      .then((s) => {
        if (signal.aborted) return;
        setLocked(false);
        setSummary(s);
      })
      .catch((e: unknown) => {
        if (signal.aborted) return;
        // Locked (passphrase lock): show that and nothing else — no records, no actions.
        if (e instanceof MessageFailure && e.error.code === 'locked') setLocked(true);
        else setStatus({ tone: 'error', text: errorText(e) });
      });
  useEffect(() => void lookup(), [ticket.ticketId, ticket.requesterEmail]);

  async function flag() {
    setBusy(true);
    setStatus(undefined);
    try {
      const validEmail = email.trim() || undefined;
      const result = await send('overlay.flag', { ticket: { ...ticket, ...(detection.language ? { language: detection.language } : {}) }, type, ...(validEmail ? { email: validEmail } : {}) });
      if (signal.aborted) return;
      setStatus({ tone: 'ok', text: t(result.created ? 'overlayFlagged' : 'overlayAlreadyFlagged', formatDue(result.effectiveDueAt)) });
      await lookup();
    } catch (e) {
      if (!signal.aborted) setStatus({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  if (locked)
    return (
      <section class="pd" role="region" aria-label="Privacy Desk" data-ticket-id={ticket.ticketId}>
        <header class="pd-head">
          <span>Privacy Desk</span>
        </header>
        <p class="pd-warn" role="status" data-testid="locked">
          🔒 {t('overlayLocked')}
        </p>
        <button type="button" class="pd-link" onClick={() => void lookup()}>
          {t('overlayRetry')}
        </button>
      </section>
    );
  const next = summary?.openRequests[0];
  return (
    <section class="pd" role="region" aria-label="Privacy Desk" data-ticket-id={ticket.ticketId}>
      <header class="pd-head">
        <span>Privacy Desk</span>
        <span class="pd-muted">#{ticket.ticketId}</span>
      </header>
      <div class="pd-requester" data-testid="requester">
        <strong>{ticket.requesterName ?? t('overlayUnknownRequester')}</strong>
        {ticket.requesterEmail ? <span class="pd-muted"> · {ticket.requesterEmail}</span> : null}
      </div>
      {!ticket.requesterEmail ? (
        <label class="pd-field">
          <span>{t('overlayAskEmail')}</span>
          <input type="email" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </label>
      ) : null}
      <div class={`pd-detect ${detection.isRequest ? 'pd-detect--yes' : ''}`} data-testid="detection">
        {detection.isRequest && detection.type
          ? t('overlayDetected', [t(`type_${detection.type}`), REQUEST_ARTICLE[detection.type]])
          : t('overlayNotDetected')}
        {detection.isRequest && detection.evidence.length ? (
          <ul class="pd-evidence">
            {detection.evidence.slice(0, 3).map((e) => (
              <li key={e.start}>“{e.phrase}”</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div class="pd-records" data-testid="records">
        {summary === undefined
          ? t('overlayLoading')
          : summary.openRequests.length === 0
            ? t('overlayNoOpenRequests')
            : t('overlayOpenRequests', [String(summary.openRequests.length), formatDue(next!.effectiveDueAt)])}
        {summary && summary.consents.given + summary.consents.withdrawn > 0 ? (
          <div class="pd-muted">{t('overlayConsents', [String(summary.consents.given), String(summary.consents.withdrawn)])}</div>
        ) : null}
      </div>
      <div class="pd-actions">
        <label class="pd-sr" for="pd-type">
          {t('overlayRequestType')}
        </label>
        <select id="pd-type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value as RequestType)}>
          {REQUEST_TYPES.map((rt) => (
            <option key={rt} value={rt}>
              {t(`type_${rt}`)} ({REQUEST_ARTICLE[rt]})
            </option>
          ))}
        </select>
        <button type="button" class="pd-primary" data-pd-flag disabled={busy} onClick={flag}>
          {summary?.ticketRequestId ? t('overlayFlagAgain') : t('overlayFlag')}
        </button>
      </div>
      {status ? (
        <p class={status.tone === 'ok' ? 'pd-ok' : 'pd-warn'} role="status">
          {status.text}
        </p>
      ) : null}
      <RecordConsentAndEvent ticket={ticket} signal={signal} summary={summary} onRecorded={() => void lookup()} />
      <ReportBreach ticket={ticket} signal={signal} />
      <button type="button" class="pd-link" onClick={() => void send('overlay.openSidePanel', summary?.subjectId ? { subjectId: summary.subjectId } : {})}>
        {t('overlayOpenSidePanel')}
      </button>
    </section>
  );
}
