// The processing-event log: what was done with whose data under which activity, filtered by
// activity, person (e-mail), date range and type; and a form to log an event by hand.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { EVENT_TYPES, type EventType, type ProcessingActivity } from '../../../lib/model';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { formatDateTime, t } from '../../shared/i18n';
import { dayEnd, dayStart, fromLocalInput, RegisterStyles, safeHref, toLocalInput } from './register-shared';
import { Choice, activityChoices, eventTypeChoices } from '../../shared/choice';
import { errorText } from '../../shared/error-text';

const PAGE = 100;

interface Filters {
  activityId: string;
  email: string;
  from: string;
  to: string;
  type: string;
}

type Page = ResponseOf<'events.query'>;

export function EventsView() {
  const [activities, setActivities] = useState<ProcessingActivity[]>([]);
  const [filters, setFilters] = useState<Filters>({ activityId: '', email: '', from: '', to: '', type: '' });
  const [page, setPage] = useState<Page | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [logging, setLogging] = useState(false);

  useEffect(() => void send('register.list', {}).then((l) => setActivities(l.activities), (e: unknown) => setError(errorText(e))), []);

  const query = useMemo(
    () => ({
      ...(filters.activityId ? { activityId: filters.activityId } : {}),
      ...(filters.email.trim() ? { email: filters.email.trim() } : {}),
      ...(filters.from ? { from: dayStart(filters.from) } : {}),
      ...(filters.to ? { to: dayEnd(filters.to) } : {}),
      ...(filters.type ? { type: filters.type as EventType } : {}),
    }),
    [filters],
  );

  const load = async (offset = 0) => {
    setError(undefined);
    try {
      const next = await send('events.query', { ...query, offset, limit: PAGE });
      setPage((prev) => (offset && prev ? { total: next.total, items: [...prev.items, ...next.items], subjects: { ...prev.subjects, ...next.subjects } } : next));
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void load(0), [query]);

  const names = new Map(activities.map((a) => [a.id, a.name]));
  const set = (key: keyof Filters) => (e: Event) => setFilters({ ...filters, [key]: (e.target as HTMLInputElement).value });

  return (
    <section class="reg-view" aria-labelledby="ev-title" data-testid="events-view">
      <RegisterStyles />
      <div class="reg-bar">
        <h2 id="ev-title">{t('evTitle')}</h2>
        <button type="button" class="primary" aria-expanded={logging} onClick={() => setLogging(!logging)} disabled={activities.length === 0}>
          {t('evLog')}
        </button>
      </div>
      {activities.length === 0 ? <p class="muted">{t('evNoActivities')}</p> : null}
      {logging ? (
        <LogEventForm
          activities={activities}
          onLogged={() => {
            setLogging(false);
            void load(0);
          }}
        />
      ) : null}
      <div class="filters" role="search" style={{ padding: '8px 0' }}>
        <label class="reg-field">
          <span>{t('evActivity')}</span>
          <select value={filters.activityId} onChange={set('activityId')} data-testid="ev-filter-activity">
            <option value="">{t('filterAll')}</option>
            {activities.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </select>
        </label>
        <label class="reg-field">
          <span>{t('evSubjectEmail')}</span>
          <input type="search" value={filters.email} onChange={set('email')} placeholder="name@example.com" data-testid="ev-filter-email" />
        </label>
        <label class="reg-field">
          <span>{t('evFrom')}</span>
          <input type="date" value={filters.from} onChange={set('from')} />
        </label>
        <label class="reg-field">
          <span>{t('evTo')}</span>
          <input type="date" value={filters.to} onChange={set('to')} />
        </label>
        <label class="reg-field">
          <span>{t('evType')}</span>
          <select value={filters.type} onChange={set('type')} data-testid="ev-filter-type">
            <option value="">{t('filterAll')}</option>
            {EVENT_TYPES.map((ty) => (
              <option key={ty} value={ty}>{t(`event_${ty}`)}</option>
            ))}
          </select>
        </label>
      </div>
      {error ? <p class="warn" role="alert">{error}</p> : null}
      <p class="reg-summary" data-testid="events-count">{page === undefined ? '…' : page.total === 0 ? t('evEmpty') : t('evCount', String(page.total))}</p>
      {page && page.items.length ? (
        <table class="reg-table" data-testid="events-table">
          <thead>
            <tr>
              <th>{t('evWhen')}</th>
              <th>{t('evType')}</th>
              <th>{t('evActivity')}</th>
              <th>{t('evSubject')}</th>
              <th>{t('evTicket')}</th>
              <th>{t('evActor')}</th>
              <th>{t('evDescription')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((ev) => {
              const subject = ev.subjectId ? page.subjects[ev.subjectId] : undefined;
              const href = safeHref(ev.ticket?.url);
              return (
                <tr key={ev.id} data-testid="event-row">
                  <td>{formatDateTime(ev.at)}</td>
                  <td><span class="badge">{t(`event_${ev.type}`)}</span></td>
                  <td>{names.get(ev.activityId) ?? ev.activityId}</td>
                  <td>{subject ? (subject.emails[0] ?? subject.names[0]) : ''}</td>
                  <td>{ev.ticket ? href ? <a href={href} target="_blank" rel="noreferrer noopener">{ev.ticket.helpdesk} #{ev.ticket.ticketId}</a> : `${ev.ticket.helpdesk} #${ev.ticket.ticketId}` : ''}</td>
                  <td>{ev.actor}</td>
                  <td>
                    {ev.description}
                    {ev.recipient ? <div class="muted">→ {ev.recipient}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {page && page.items.length < page.total ? (
        <button type="button" onClick={() => void load(page.items.length)}>{t('evMore')}</button>
      ) : null}
    </section>
  );
}

function LogEventForm({ activities, onLogged }: { activities: ProcessingActivity[]; onLogged(): void }) {
  const [activityId, setActivityId] = useState(activities[0]?.id ?? '');
  const [type, setType] = useState<EventType>('exported');
  const [email, setEmail] = useState('');
  const [recipient, setRecipient] = useState('');
  const [description, setDescription] = useState('');
  const [at, setAt] = useState(() => toLocalInput(new Date().toISOString()));
  // Minutes only in the field: unless the user picks a time, the background stamps the exact moment.
  const [atTouched, setAtTouched] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(e: Event) {
    e.preventDefault();
    setError(undefined);
    try {
      const when = atTouched ? fromLocalInput(at) : undefined;
      await send('events.log', {
        activityId,
        type,
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(recipient.trim() ? { recipient: recipient.trim() } : {}),
        description,
        ...(when ? { at: when } : {}),
      });
      onLogged();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form class="reg-form card" onSubmit={submit} aria-label={t('evLog')} data-testid="log-event-form">
      <fieldset>
        <legend>{t('evLog')}</legend>
        <label class="reg-field">
          <span>{t('evActivity')}</span>
          <Choice value={activityId} options={activityChoices(activities)} onChange={setActivityId} required />
        </label>
        <label class="reg-field">
          <span>{t('evType')}</span>
          <Choice value={type} options={eventTypeChoices()} onChange={(v) => setType(v)} />
        </label>
        <label class="reg-field">
          <span>{t('evSubjectEmail')}</span>
          <input type="email" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </label>
        {type === 'shared' ? (
          <label class="reg-field">
            <span>{t('evRecipient')}</span>
            <input value={recipient} onInput={(e) => setRecipient((e.target as HTMLInputElement).value)} />
          </label>
        ) : null}
        <label class="reg-field">
          <span>{t('evWhen')}</span>
          <input type="datetime-local" value={at} onInput={(e) => {
              setAtTouched(true);
              setAt((e.target as HTMLInputElement).value);
            }} />
        </label>
        <label class="reg-field wide">
          <span>{t('evDescription')}</span>
          <textarea rows={2} value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} />
        </label>
      </fieldset>
      {error ? <p class="warn" role="alert">{error}</p> : null}
      <div class="row-actions">
        <button type="submit" class="primary">{t('save')}</button>
      </div>
    </form>
  );
}
