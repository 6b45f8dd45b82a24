// Overlay actions for the register: record the consent a customer gives in this ticket
// (Art. 7(1): the controller must be able to demonstrate it) and log a processing event (Art. 5(2)), each
// in one or two clicks. Everything is sent to the background as overlay.* messages; nothing here
// touches the database. Page text (the selected quote) is only ever shown as a form value.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TicketContext } from '../../lib/model/helpdesk';
import type { DetectLanguage } from '../../lib/model/common';
import type { ResponseOf } from '../../lib/messaging/protocol';
import type { ConsentChannel } from '../../lib/model/consent';
import { CONSENT_CHANNELS } from '../../lib/model/enums';
import type { EventType } from '../../lib/model/event';
import { send } from '../../lib/messaging/client';
import { t } from '../shared/i18n';
import { Choice, activityChoices, eventTypeChoices } from '../shared/choice';
import { errorText } from '../shared/error-text';
import { trusted } from './trusted';

const QUOTE_MAX = 5000;

type Choices = ResponseOf<'overlay.choices'>;
type Form = 'none' | 'consent' | 'event';

export interface RecordConsentAndEventProps {
  ticket: TicketContext;
  signal: AbortSignal;
  /** The ticket's language as the classifier (in the background) found it. */
  language?: DetectLanguage | undefined;
  /** The requester's e-mail: the one the page shows, else the one the agent typed. */
  email?: string | undefined;
  /** Called after a consent or an event was stored, e.g. to refresh the requester summary. */
  onRecorded?: () => void;
}

/** The words the agent selected in the helpdesk page (the customer's own words, as evidence). */
function selectedText(): string {
  return (window.getSelection()?.toString() ?? '').trim().slice(0, QUOTE_MAX);
}

export function RecordConsentAndEvent({ ticket, signal, language, email, onRecorded }: RecordConsentAndEventProps) {
  const [form, setForm] = useState<Form>('none');
  const [choices, setChoices] = useState<Choices | undefined>();
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [purposeId, setPurposeId] = useState('');
  const [channel, setChannel] = useState<ConsentChannel>('ticket');
  const [quote, setQuote] = useState('');
  const [activityId, setActivityId] = useState('');
  const [eventType, setEventType] = useState<EventType>('viewed');
  const [description, setDescription] = useState('');
  // The selection is read on pointer-down: by the time `click` fires some pages have collapsed it.
  const pendingSelection = useRef('');

  useEffect(() => {
    setForm('none');
    setStatus(undefined);
  }, [ticket.ticketId, ticket.requesterEmail]);

  async function loadChoices(): Promise<Choices | undefined> {
    try {
      const loaded = await send('overlay.choices', {});
      if (signal.aborted) return undefined;
      setChoices(loaded);
      setPurposeId((current) => (loaded.purposes.some((p) => p.id === current) ? current : (loaded.purposes[0]?.id ?? '')));
      setActivityId((current) => (loaded.activities.some((a) => a.id === current) ? current : (loaded.activities[0]?.id ?? '')));
      return loaded;
    } catch (e) {
      if (!signal.aborted) setStatus({ tone: 'error', text: errorText(e) });
      return undefined;
    }
  }

  async function open(which: Form) {
    setStatus(undefined);
    if (which === 'consent') {
      setQuote(pendingSelection.current || selectedText());
      pendingSelection.current = '';
    }
    setForm(form === which ? 'none' : which);
    // Always reload: the DPO may have added a purpose or activity in the side panel meanwhile.
    await loadChoices();
  }

  // The background stores the ticket's reference, not its thread.
  const ticketForMessage = (): TicketContext => ({ ...ticket, messages: [], ...(language ? { language } : {}) });
  const typedEmail = () => (ticket.requesterEmail ? undefined : email);

  // A form's submit never navigates the helpdesk page; only the user's own submit records anything.
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (e.isTrusted) void submit();
  };

  async function submit() {
    setBusy(true);
    setStatus(undefined);
    try {
      const mail = typedEmail();
      if (form === 'consent') {
        await send('overlay.recordConsent', { ticket: ticketForMessage(), purposeId, quote: quote.trim(), channel, ...(mail ? { email: mail } : {}) });
        if (signal.aborted) return;
        setStatus({ tone: 'ok', text: t('overlayConsentRecorded', choices?.purposes.find((p) => p.id === purposeId)?.name ?? '') });
      } else if (form === 'event') {
        await send('overlay.logEvent', { ticket: ticketForMessage(), activityId, type: eventType, description: description.trim(), ...(mail ? { email: mail } : {}) });
        if (signal.aborted) return;
        setStatus({ tone: 'ok', text: t('overlayEventLogged', choices?.activities.find((a) => a.id === activityId)?.name ?? '') });
        setDescription('');
      }
      setForm('none');
      onRecorded?.();
    } catch (err) {
      if (!signal.aborted) setStatus({ tone: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  const locked = choices?.locked === true;
  return (
    <div class="pd-register" data-testid="pd-register">
      <div class="pd-actions">
        <button
          type="button"
          aria-expanded={form === 'consent'}
          onPointerDown={trusted(() => (pendingSelection.current = selectedText()))}
          onClick={trusted(() => void open('consent'))}
          title={t('overlayConsentQuoteHint')}
        >
          {t('overlayRecordConsent')}
        </button>
        <button type="button" aria-expanded={form === 'event'} onClick={trusted(() => void open('event'))}>
          {t('overlayLogEvent')}
        </button>
      </div>
      {form !== 'none' && choices === undefined && !status ? <p class="pd-muted">{t('overlayLoadingChoices')}</p> : null}
      {form !== 'none' && locked ? <p class="pd-warn" role="alert">{t('overlayLocked')}</p> : null}
      {form === 'consent' && choices && !locked ? (
        choices.purposes.length === 0 ? (
          <p class="pd-warn" role="alert">{t('overlayNoPurposes')}</p>
        ) : (
          <form class="pd-form" aria-label={t('overlayRecordConsent')} onSubmit={onSubmit}>
            <label class="pd-field">
              <span>{t('consPurpose')}</span>
              <select value={purposeId} onChange={(e) => setPurposeId((e.target as HTMLSelectElement).value)} required>
                {choices.purposes.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </select>
            </label>
            <label class="pd-field">
              <span>{t('consChannel')}</span>
              <select value={channel} onChange={(e) => setChannel((e.target as HTMLSelectElement).value as ConsentChannel)}>
                {CONSENT_CHANNELS.map((c) => (
                  <option key={c} value={c}>{t(`channel_${c}`)}</option>
                ))}
              </select>
            </label>
            <label class="pd-field">
              <span>{t('consQuote')}</span>
              <textarea rows={3} maxLength={QUOTE_MAX} value={quote} placeholder={t('overlayConsentQuoteHint')} onInput={trusted((e: Event) => setQuote((e.target as HTMLTextAreaElement).value))} />
            </label>
            <div class="pd-actions">
              <button type="submit" class="pd-primary" disabled={busy || !purposeId}>{t('overlaySaveConsent')}</button>
              <button type="button" class="pd-link" onClick={trusted(() => setForm('none'))}>{t('regCancel')}</button>
            </div>
          </form>
        )
      ) : null}
      {form === 'event' && choices && !locked ? (
        choices.activities.length === 0 ? (
          <p class="pd-warn" role="alert">{t('overlayNoActivities')}</p>
        ) : (
          <form class="pd-form" aria-label={t('overlayLogEvent')} onSubmit={onSubmit}>
            <label class="pd-field">
              <span>{t('evActivity')}</span>
              <Choice value={activityId} options={activityChoices(choices.activities)} onChange={setActivityId} required />
            </label>
            <label class="pd-field">
              <span>{t('evType')}</span>
              <Choice value={eventType} options={eventTypeChoices()} onChange={(v) => setEventType(v)} />
            </label>
            <label class="pd-field">
              <span>{t('evDescriptionOptional')}</span>
              <input type="text" maxLength={5000} value={description} onInput={(e) => setDescription((e.target as HTMLInputElement).value)} />
            </label>
            <div class="pd-actions">
              <button type="submit" class="pd-primary" disabled={busy || !activityId}>{t('overlaySaveEvent')}</button>
              <button type="button" class="pd-link" onClick={trusted(() => setForm('none'))}>{t('regCancel')}</button>
            </div>
          </form>
        )
      ) : null}
      {status ? (
        <p class={status.tone === 'ok' ? 'pd-ok' : 'pd-warn'} role="status" data-testid="pd-register-status">
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
