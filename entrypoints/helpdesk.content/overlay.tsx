// The overlay: a Preact app in a closed Shadow DOM root at the adapter's anchor, created by the
// content script. Page strings are only ever rendered as text nodes (Preact escapes them); nothing of
// ours is written into the host's DOM except the shadow host element itself. Compact by default: one
// line (requester, what was detected, the flag action) that expands for records, consent and events.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HelpdeskAdapter } from '../../lib/hosts/adapter';
import type { TicketContext } from '../../lib/model/helpdesk';
import type { RequestType } from '../../lib/model/request';
import { REQUEST_ARTICLE, REQUEST_TYPES } from '../../lib/model/enums';
import type { ResponseOf, SubjectSummary } from '../../lib/messaging/protocol';
import { MessageFailure, send } from '../../lib/messaging/client';
import { boundForClassifier } from '../../lib/detect/bounds';
import { formatDue, t } from '../shared/i18n';
import { OVERLAY_TAG, type TicketState } from './watcher';
import { OVERLAY_CSS } from './overlay-css';
import { ReportBreach } from './overlay-breach';
import { RecordConsentAndEvent } from './overlay-register';
import { censoredOutline } from '../../lib/dom/censor';
import { errorText } from '../shared/error-text';
import { trusted } from './trusted';

type Detection = ResponseOf<'overlay.classify'>;
type FlagAction = (() => boolean) | undefined;

export class Overlay {
  private host?: HTMLElement;
  private mount?: HTMLElement;
  private flagAction: FlagAction;

  constructor(
    private readonly adapter: HelpdeskAdapter,
    private readonly shadowMode: ShadowRootMode = 'closed',
  ) {}

  show(state: TicketState) {
    if (state.kind === 'none') return this.destroy();
    const anchor = state.kind === 'ticket' ? state.anchor : null;
    const parent = anchor ?? document.body;
    if (!this.host || !this.host.isConnected || this.host.parentElement !== parent) this.attach(parent, !anchor);
    render(
      <OverlayApp
        key={state.kind === 'ticket' ? state.ticket.ticketId : 'error'}
        state={state}
        helpdesk={this.adapter.label}
        setFlagAction={(action) => (this.flagAction = action)}
      />,
      this.mount!,
    );
  }

  private attach(parent: Element, floating: boolean) {
    this.destroy();
    const host = document.createElement(OVERLAY_TAG);
    if (floating) host.setAttribute('style', 'position:fixed;right:16px;bottom:16px;z-index:2147483646;width:min(720px,calc(100vw - 32px));');
    // Closed: the page's script gets null from host.shadowRoot and cannot read or drive the overlay.
    // The reference lives only here, in the content script's isolated world.
    const shadow = host.attachShadow({ mode: this.shadowMode });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    const mount = document.createElement('div');
    shadow.append(style, mount);
    parent.append(host);
    this.host = host;
    this.mount = mount;
  }

  /** The flag-ticket keyboard shortcut: flags as the agent's click on the flag button would. */
  pressFlag(): boolean {
    return this.flagAction?.() ?? false;
  }

  destroy() {
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = undefined;
    this.mount = undefined;
    this.flagAction = undefined;
  }
}

interface AppProps {
  state: TicketState;
  helpdesk: string;
  setFlagAction(action: FlagAction): void;
}

function OverlayApp({ state, helpdesk, setFlagAction }: AppProps) {
  if (state.kind === 'unrecognised')
    return (
      <section class="pd" role="region" aria-label="Privacy Desk">
        <div class="pd-row">
          <Brand />
          <p class="pd-warn pd-grow" role="alert">
            {t('overlayLayoutChanged', helpdesk)} <span class="pd-muted">({state.error.selectorName})</span>
          </p>
        </div>
        <details class="pd-diag">
          <summary>{t('overlayDiagnostics')}</summary>
          <p class="pd-muted">{t('overlayDiagnosticsHint')}</p>
          <pre data-testid="diagnostics">{censoredOutline(document.body)}</pre>
        </details>
      </section>
    );
  if (state.kind !== 'ticket') return null;
  return <TicketPanel ticket={state.ticket} signal={state.signal} setFlagAction={setFlagAction} />;
}

function Brand() {
  return (
    <span class="pd-brand" title="Privacy Desk" aria-hidden="true">
      PD
    </span>
  );
}

interface PanelProps {
  ticket: TicketContext;
  signal: AbortSignal;
  setFlagAction(action: FlagAction): void;
}

function TicketPanel({ ticket, signal, setFlagAction }: PanelProps) {
  const [detection, setDetection] = useState<Detection | undefined>();
  const [summary, setSummary] = useState<SubjectSummary | undefined>();
  // The agent's own choice; until then the detected type, and none at all when nothing was detected.
  const [chosen, setChosen] = useState<RequestType | ''>('');
  const [typedEmail, setTypedEmail] = useState('');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState(false);
  const [expanded, setExpanded] = useState(false);

  const flaggedType = summary?.openRequests.find((r) => r.id === summary.ticketRequestId)?.type;
  const type: RequestType | '' = chosen || (detection?.isRequest ? (detection.type ?? '') : '') || flaggedType || '';
  // The e-mail the adapter read is the one recorded; a typed one only stands in when the page shows none.
  const email = ticket.requesterEmail ?? (typedEmail.trim() || undefined);

  // Once per ticket change (the watcher reports only real changes), on bounded text, in the background.
  useEffect(() => {
    let stale = false;
    send('overlay.classify', { messages: boundForClassifier(ticket.messages) })
      .then((d) => {
        if (!stale && !signal.aborted) setDetection(d);
      })
      .catch((e: unknown) => {
        if (!stale && !signal.aborted) setStatus({ tone: 'error', text: errorText(e) });
      });
    return () => {
      stale = true;
    };
  }, [ticket]);

  const lookup = (address = email) =>
    send('overlay.lookup', { ...(address ? { email: address } : {}), helpdesk: ticket.helpdesk, ticketId: ticket.ticketId })
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
  useEffect(() => {
    setTypedEmail('');
    void lookup(ticket.requesterEmail);
  }, [ticket.ticketId, ticket.requesterEmail]);

  async function flag() {
    if (!type) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const language = detection?.language;
      const result = await send('overlay.flag', {
        // The background stores the ticket's reference, not its thread.
        ticket: { ...ticket, messages: [], ...(language ? { language } : {}) },
        type,
        ...(!ticket.requesterEmail && email ? { email } : {}),
      });
      if (signal.aborted) return;
      setStatus({ tone: 'ok', text: t(result.created ? 'overlayFlagged' : 'overlayAlreadyFlagged', formatDue(result.effectiveDueAt)) });
      await lookup();
    } catch (e) {
      if (!signal.aborted) setStatus({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  // The keyboard shortcut's way in (Overlay.pressFlag), with this render's state.
  const flagNow = useRef<() => boolean>(() => false);
  flagNow.current = () => {
    if (busy || !type || locked) return false;
    void flag();
    return true;
  };
  useEffect(() => {
    setFlagAction(() => flagNow.current());
    return () => setFlagAction(undefined);
  }, []);

  if (locked)
    return (
      <section class="pd" role="region" aria-label="Privacy Desk" data-ticket-id={ticket.ticketId}>
        <div class="pd-row">
          <Brand />
          <p class="pd-warn pd-grow" role="status" data-testid="locked">
            🔒 {t('overlayLocked')}
          </p>
          <button type="button" class="pd-link" onClick={trusted(() => void lookup())}>
            {t('overlayRetry')}
          </button>
        </div>
      </section>
    );

  const next = summary?.openRequests[0];
  const detected = detection?.isRequest && detection.type ? detection.type : undefined;
  const detectionText = detection === undefined ? t('overlayChecking') : detected ? t('overlayDetectedShort', [t(`type_${detected}`), REQUEST_ARTICLE[detected]]) : t('overlayNoRequestShort');
  const recordsText =
    summary === undefined
      ? t('overlayChecking')
      : summary.openRequests.length === 0
        ? t('overlayNoOpenRequests')
        : t('overlayOpenRequests', [String(summary.openRequests.length), formatDue(next!.effectiveDueAt)]);
  const requester = ticket.requesterName ?? t('overlayUnknownRequester');
  return (
    <section class="pd" role="region" aria-label="Privacy Desk" data-ticket-id={ticket.ticketId}>
      <div class="pd-row">
        <Brand />
        <span class="pd-requester" data-testid="requester" title={[requester, ticket.requesterEmail].filter(Boolean).join(' · ')}>
          <strong>{requester}</strong>
          {ticket.requesterEmail ? <span class="pd-muted"> · {ticket.requesterEmail}</span> : null}
        </span>
        <span class={`pd-chip ${detected ? 'pd-chip--yes' : ''}`} data-testid="detection" title={detectionText}>
          {detectionText}
        </span>
        <span class={`pd-chip ${next ? 'pd-chip--due' : 'pd-chip--quiet'}`} data-testid="records" title={next ? t('overlayDeadlineHint') : recordsText}>
          {recordsText}
        </span>
        <label class="pd-sr" for="pd-type">
          {t('overlayRequestType')}
        </label>
        <select id="pd-type" value={type} onChange={trusted((e: Event) => setChosen((e.target as HTMLSelectElement).value as RequestType))}>
          <option value="" disabled>
            {t('overlayChooseType')}
          </option>
          {REQUEST_TYPES.map((rt) => (
            <option key={rt} value={rt}>
              {t(`type_${rt}`)} ({REQUEST_ARTICLE[rt]})
            </option>
          ))}
        </select>
        <button type="button" class="pd-primary" data-pd-flag disabled={busy || !type} onClick={trusted(() => void flag())}>
          {summary?.ticketRequestId ? t('overlayFlagAgain') : t('overlayFlag')}
        </button>
        <button
          type="button"
          class="pd-toggle"
          aria-expanded={expanded}
          aria-controls="pd-more"
          aria-label={t('overlayMore')}
          title={t('overlayMore')}
          data-testid="more"
          onClick={trusted(() => setExpanded(!expanded))}
        >
          {expanded ? '▴' : '▾'}
        </button>
      </div>
      {status ? (
        <p class={status.tone === 'ok' ? 'pd-ok' : 'pd-warn'} role="status">
          {status.text}
        </p>
      ) : null}
      {expanded ? (
        <div class="pd-more" id="pd-more">
          {detected && detection?.evidence.length ? (
            <ul class="pd-evidence" aria-label={detectionText}>
              {detection.evidence.slice(0, 3).map((e) => (
                <li key={e.start}>“{e.phrase}”</li>
              ))}
            </ul>
          ) : null}
          {summary && summary.consents.given + summary.consents.withdrawn > 0 ? (
            <p class="pd-muted" data-testid="consents">
              {t('overlayConsents', [String(summary.consents.given), String(summary.consents.withdrawn)])}
            </p>
          ) : null}
          {next ? <p class="pd-muted">{t('overlayDeadlineHint')}</p> : null}
          {!ticket.requesterEmail ? (
            <div class="pd-inline">
              <label class="pd-field">
                <span>{t('overlayAskEmail')}</span>
                <input type="email" value={typedEmail} onInput={trusted((e: Event) => setTypedEmail((e.target as HTMLInputElement).value))} />
              </label>
              <button type="button" class="pd-secondary" disabled={!email} onClick={trusted(() => void lookup())}>
                {t('overlayLookUp')}
              </button>
            </div>
          ) : null}
          <RecordConsentAndEvent ticket={ticket} signal={signal} language={detection?.language} email={email} onRecorded={() => void lookup()} />
          <ReportBreach ticket={ticket} signal={signal} />
          <button
            type="button"
            class="pd-link"
            onClick={trusted(() => void send('overlay.openSidePanel', summary?.subjectId ? { subjectId: summary.subjectId } : {}).catch((e: unknown) => setStatus({ tone: 'error', text: errorText(e) })))}
          >
            {t('overlayOpenSidePanel')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
