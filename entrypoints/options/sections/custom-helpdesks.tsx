// Other helpdesks: the DPO gives an origin and a CSS selector for each part of a ticket page
// (lib/hosts/custom/adapter.ts explains the syntax), tries them on an open tab — the page's text comes
// back censored — and saves them. Saving asks the browser for access to the origin (from the click);
// the background then registers the overlay there and brings it to tabs already open.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { CUSTOM_HELPDESKS_KEY, CustomHelpdesk, MANAGED_CUSTOM_HELPDESKS_KEY, parseCustomHelpdesks } from '../../../lib/settings/custom-helpdesks';
import { originPattern } from '../../../lib/settings/managed';
import { describeIssues } from '../../../lib/model/errors';
import { parseOrigin } from '../../shared/origin-access';
import { t } from '../../shared/i18n';
import { errorText } from '../../shared/error-text';

const FIELDS = ['ticketId', 'subject', 'requesterName', 'requesterEmail', 'messages', 'anchor'] as const;
type Field = (typeof FIELDS)[number];
type Report = ResponseOf<'custom.test'>;
const EMPTY: Record<Field, string> = { ticketId: '', subject: '', requesterName: '', requesterEmail: '', messages: '', anchor: '' };

export function CustomHelpdesksSection() {
  const [saved, setSaved] = useState<CustomHelpdesk[]>([]);
  const [managed, setManaged] = useState<CustomHelpdesk[]>([]);
  const [origin, setOrigin] = useState('');
  const [fields, setFields] = useState<Record<Field, string>>(EMPTY);
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();
  const [report, setReport] = useState<Report | undefined>();

  const load = () =>
    void browser.storage.local.get([CUSTOM_HELPDESKS_KEY, MANAGED_CUSTOM_HELPDESKS_KEY]).then((r) => {
      setSaved(parseCustomHelpdesks(r[CUSTOM_HELPDESKS_KEY]));
      setManaged(parseCustomHelpdesks(r[MANAGED_CUSTOM_HELPDESKS_KEY]));
    });
  useEffect(load, []);

  /** The form as a CustomHelpdesk, or a note naming what is wrong. */
  function entry(): CustomHelpdesk | undefined {
    const parsedOrigin = parseOrigin(origin);
    const { requesterEmail, ...rest } = fields;
    const parsed = CustomHelpdesk.safeParse({ origin: parsedOrigin ?? origin, selectors: { ...rest, ...(requesterEmail.trim() ? { requesterEmail } : {}) } });
    if (!parsedOrigin) setNote({ ok: false, text: t('originInvalid') });
    else if (!parsed.success) setNote({ ok: false, text: describeIssues(parsed.error) });
    return parsedOrigin && parsed.success ? parsed.data : undefined;
  }

  async function test() {
    setNote(undefined);
    setReport(undefined);
    const value = entry();
    if (!value) return;
    try {
      setReport(await send('custom.test', value));
    } catch (e) {
      setNote({ ok: false, text: errorText(e) });
    }
  }

  function save(e: Event) {
    e.preventDefault();
    setNote(undefined);
    const value = entry();
    if (!value) return;
    // permissions.request must run in the click's user gesture: no await before it.
    void browser.permissions.request({ origins: [originPattern(value.origin)] }).then(
      async (granted) => {
        if (!granted) return setNote({ ok: false, text: t('originRefused') });
        const others = saved.filter((s) => s.origin !== value.origin);
        await browser.storage.local.set({ [CUSTOM_HELPDESKS_KEY]: [...others, value] });
        await send('custom.refresh', {}).catch(() => undefined);
        setNote({ ok: true, text: t('customSaved', value.origin) });
        load();
      },
      (error: unknown) => setNote({ ok: false, text: errorText(error) }),
    );
  }

  async function remove(which: string) {
    await browser.storage.local.set({ [CUSTOM_HELPDESKS_KEY]: saved.filter((s) => s.origin !== which) });
    load();
  }

  function edit(helpdesk: CustomHelpdesk) {
    setOrigin(helpdesk.origin);
    setFields({ ...EMPTY, ...helpdesk.selectors, requesterEmail: helpdesk.selectors.requesterEmail ?? '' });
  }

  return (
    <div data-testid="custom-helpdesks">
      <p class="muted">{t('customIntro')}</p>
      {managed.length ? (
        <ul class="origins" data-testid="custom-managed">
          {managed.map((s) => (
            <li key={s.origin}>
              <code>{s.origin}</code> <span class="muted">({t('customManaged')})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {saved.length ? (
        <ul class="origins">
          {saved.map((s) => (
            <li key={s.origin} data-custom-origin={s.origin}>
              <button type="button" class="link" onClick={() => edit(s)}>
                <code>{s.origin}</code>
              </button>{' '}
              <button type="button" onClick={() => void remove(s.origin)}>{t('customRemove')}</button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={save} aria-label={t('customTitle')}>
        <label class="wide">
          {t('customOrigin')}
          <input name="custom-origin" placeholder="https://desk.example.com" value={origin} onInput={(e) => setOrigin((e.target as HTMLInputElement).value)} />
        </label>
        {FIELDS.map((field) => (
          <label class="wide" key={field}>
            {t(`customField_${field}`)}
            <input name={`custom-${field}`} value={fields[field]} spellcheck={false} onInput={(e) => setFields({ ...fields, [field]: (e.target as HTMLInputElement).value })} />
            {report?.report[field] ? (
              <span class={report.report[field]!.error || report.report[field]!.count === 0 ? 'warn' : 'muted'} data-testid={`custom-result-${field}`}>
                {report.report[field]!.error ?? `${t('customFound', String(report.report[field]!.count))}${report.report[field]!.sample ? ` · “${report.report[field]!.sample}”` : ''}`}
              </span>
            ) : null}
          </label>
        ))}
        <div class="actions">
          <button type="button" onClick={() => void test()}>{t('customTest')}</button>
          <button type="submit">{t('customSave')}</button>
        </div>
      </form>
      {report ? <p class="muted" data-testid="custom-tested">{t('customTested', report.url)}</p> : null}
      {note ? <p role="status" data-testid="custom-message" class={note.ok ? 'ok' : 'warn'}>{note.text}</p> : null}
    </div>
  );
}
