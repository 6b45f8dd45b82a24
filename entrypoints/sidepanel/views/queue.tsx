// The request queue: virtualised (only visible rows are rendered and fetched), filtered, by deadline.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { TEAM_CHANGED } from './team';
import { REQUEST_STATUSES, REQUEST_TYPES, type DataSubject, type SubjectRequest } from '../../../lib/model';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { daysLeft, formatDue, formatNumber, t } from '../../shared/i18n';
import { RequestDetail } from './request-detail';

const ROW = 56;
const PAGE = 50;
/** The count starts capped (see queryQueue's countCap) and grows as the DPO scrolls towards the end. */
const FIRST_CAP = 1000;

interface Filters {
  status: string;
  type: string;
  due: string;
  search: string;
}

export function QueueView() {
  const [filters, setFilters] = useState<Filters>({ status: 'open', type: '', due: '', search: '' });
  const [selected, setSelected] = useState<string | undefined>();
  const [reloads, setReloads] = useState(0);
  // Opened from the overlay for one requester: sidepanel.html?subject=<id>.
  const subjectId = new URLSearchParams(location.search).get('subject') ?? undefined;
  const [total, setTotal] = useState<number | undefined>();
  const [cap, setCap] = useState(FIRST_CAP);
  const [rows, setRows] = useState<Map<number, { request: SubjectRequest; subject?: DataSubject }>>(new Map());
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const listRef = useRef<HTMLDivElement>(null);
  const generation = useRef(0);

  const query = useMemo(
    () => ({
      ...(filters.status ? { status: filters.status as 'open' } : {}),
      ...(filters.type ? { type: filters.type as 'access' } : {}),
      ...(filters.due === 'soon' ? { dueWithinDays: 7 } : filters.due === 'overdue' ? { dueWithinDays: 0 } : {}),
      ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
      ...(subjectId ? { subjectId } : {}),
    }),
    [filters, reloads],
  );

  async function load(offset: number, gen: number, withTotal: boolean) {
    // Marks for the benchmark (bench/ui-chromium.ts): how long the page waits for the background.
    performance.mark('pd:page-request');
    const page: ResponseOf<'requests.query'> = await send('requests.query', { ...query, offset, limit: PAGE, withTotal });
    performance.mark('pd:page-reply');
    if (gen !== generation.current) return;
    if (page.total >= 0) setTotal(page.total);
    setRows((prev) => {
      const next = new Map(prev);
      page.items.forEach((request, i) => next.set(offset + i, { request, subject: page.subjects[request.subjectId] }));
      return next;
    });
    return page;
  }

  useEffect(() => {
    generation.current += 1;
    setRows(new Map());
    setTotal(undefined);
    setCap(FIRST_CAP);
    const gen = generation.current;
    // First paint: the first page alone; the (capped) total follows.
    void load(0, gen, false).then((page) => {
      if (!page || gen !== generation.current) return;
      if (page.items.length < PAGE) setTotal(page.items.length);
      else countUpTo(FIRST_CAP, gen);
    });
  }, [query]);

  function countUpTo(limit: number, gen: number) {
    void send('requests.query', { ...query, offset: 0, limit: 1, withTotal: true, countCap: limit }).then((p) => gen === generation.current && setTotal(p.total));
  }
  const more = total !== undefined && total > cap;

  // Changes from the team (views/team.tsx) may add or move requests: reload what is shown.
  useEffect(() => {
    const reload = () => setReloads((n) => n + 1);
    window.addEventListener(TEAM_CHANGED, reload);
    return () => window.removeEventListener(TEAM_CHANGED, reload);
  }, []);

  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - 5);
  // Until the total arrives, what has been fetched is what exists.
  const known = total ?? rows.size;
  const last = Math.min(known, Math.ceil((scrollTop + height) / ROW) + 5);
  useEffect(() => {
    // Near the end of what was counted: count further.
    if (more && last >= cap - 2 * PAGE) {
      setCap(cap * 10);
      countUpTo(cap * 10, generation.current);
    }
    const missing = [];
    for (let i = first; i < last; i += 1) if (!rows.has(i)) missing.push(i);
    if (missing.length && total !== undefined) void load(Math.floor(missing[0]! / PAGE) * PAGE, generation.current, false);
  }, [first, last, total]);

  const set = (key: keyof Filters) => (e: Event) => setFilters({ ...filters, [key]: (e.target as HTMLInputElement).value });
  const visible = [];
  for (let i = first; i < last; i += 1) {
    const row = rows.get(i);
    visible.push(
      <div class="row" style={{ top: i * ROW }} key={i} data-testid="queue-row" role="listitem">
        {row ? (
          <button type="button" class="row-button" onClick={() => setSelected(row.request.id)}>
            <RequestRow request={row.request} subject={row.subject} />
          </button>
        ) : (
          <span class="muted">…</span>
        )}
      </div>,
    );
  }

  if (selected) return <RequestDetail id={selected} onClose={() => setSelected(undefined)} onChanged={() => setReloads((n) => n + 1)} />;
  return (
    <>
      <div class="filters" role="search">
        <label class="sr-only" for="f-search">{t('queueSearch')}</label>
        <input id="f-search" type="search" placeholder={t('queueSearch')} value={filters.search} onInput={set('search')} />
        <label class="sr-only" for="f-status">{t('filterStatus')}</label>
        <select id="f-status" value={filters.status} onChange={set('status')}>
          <option value="open">{t('filterOpen')}</option>
          {REQUEST_STATUSES.map((s) => (
            <option value={s} key={s}>{t(`status_${s}`)}</option>
          ))}
        </select>
        <label class="sr-only" for="f-type">{t('filterType')}</label>
        <select id="f-type" value={filters.type} onChange={set('type')}>
          <option value="">{t('filterType')}: {t('filterAll')}</option>
          {REQUEST_TYPES.map((ty) => (
            <option value={ty} key={ty}>{t(`type_${ty}`)}</option>
          ))}
        </select>
        <label class="sr-only" for="f-due">{t('filterDue')}</label>
        <select id="f-due" value={filters.due} onChange={set('due')}>
          <option value="">{t('filterDue')}: {t('filterAll')}</option>
          <option value="soon">{t('filterDueSoon')}</option>
          <option value="overdue">{t('filterOverdue')}</option>
        </select>
      </div>
      <div class="count" data-testid="queue-count" aria-live="polite">
        {total === undefined
          ? '…'
          : total === 0
            ? t('queueEmpty')
            : more
              ? t('queueCountMore', formatNumber(cap))
              : t(total === 1 ? 'queueCountOne' : 'queueCount', formatNumber(total))}
      </div>
      <div class="list" ref={listRef} role="list" onScroll={(e) => setScrollTop((e.target as HTMLElement).scrollTop)}>
        <div style={{ height: known * ROW }} />
        {visible}
      </div>
    </>
  );
}

function RequestRow({ request, subject }: { request: SubjectRequest; subject?: DataSubject }) {
  const days = daysLeft(request.effectiveDueAt);
  const who = subject?.names[0] ?? subject?.emails[0] ?? request.subjectId;
  return (
    <>
      <span class="who">{who}</span>
      <span class="meta">
        <span class="badge">{t(`type_${request.type}`)}</span>
        {t(`status_${request.status}`)}
        {subject?.emails[0] && subject.names[0] ? ` · ${subject.emails[0]}` : ''}
      </span>
      <span class={`due ${days < 0 && request.open ? 'overdue' : ''}`} data-testid="due">
        {formatDue(request.effectiveDueAt)}
        <br />
        {request.open ? (days < 0 ? t('queueOverdue') : t('queueDaysLeft', String(days))) : ''}
      </span>
    </>
  );
}

