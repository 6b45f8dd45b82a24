// Helpdesk origins: Privacy Desk has no access to any site at install. Each helpdesk origin is asked for
// here (the browser's permission prompt, from the click) and can be taken back; the background
// re-registers the overlay on every change (permissions.onAdded/onRemoved → content-scripts.ts).
import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { originPattern } from '../../../lib/settings/managed';
import { parseOrigin, useGrantedOrigins } from '../../shared/origin-access';
import { t } from '../../shared/i18n';
import { errorText } from '../../shared/error-text';

export function OriginsSection() {
  const [granted, reload] = useGrantedOrigins();
  const [input, setInput] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();

  function grant(e: Event) {
    e.preventDefault();
    const origin = parseOrigin(input);
    if (!origin) return setNote({ ok: false, text: t('originInvalid') });
    // permissions.request must run in the click's user gesture: no await before it.
    void browser.permissions.request({ origins: [originPattern(origin)] }).then(
      (ok) => {
        setNote(ok ? { ok: true, text: t('originAdded', origin) } : { ok: false, text: t('originRefused') });
        if (ok) setInput('');
        reload();
      },
      (error: unknown) => setNote({ ok: false, text: errorText(error) }),
    );
  }

  async function revoke(origin: string) {
    try {
      const removed = await browser.permissions.remove({ origins: [originPattern(origin)] });
      setNote(removed ? { ok: true, text: t('originRevoked', origin) } : { ok: false, text: t('originNotRevoked', origin) });
    } catch {
      // Origins the manifest requires (the test build's localhost) cannot be revoked at run time.
      setNote({ ok: false, text: t('originNotRevoked', origin) });
    }
    reload();
  }

  return (
    <div data-testid="origins">
      <p class="muted">{t('originsIntro')}</p>
      {granted.length ? (
        <ul class="origins" data-testid="granted-origins">
          {granted.map((origin) => (
            <li key={origin} data-origin={origin}>
              <code>{origin}</code>{' '}
              <button type="button" onClick={() => void revoke(origin)}>{t('originRevoke')}</button>
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="granted-origins">{t('originsNone')}</p>
      )}
      <form onSubmit={grant} aria-label={t('originGrant')}>
        <label class="wide">
          {t('originGrant')}
          <input name="origin" placeholder="https://support.example.com" value={input} onInput={(e) => setInput((e.target as HTMLInputElement).value)} />
        </label>
        <div class="actions"><button type="submit">{t('originGrantButton')}</button></div>
      </form>
      {note ? <p role="status" data-testid="origins-message" class={note.ok ? 'ok' : 'warn'}>{note.text}</p> : null}
    </div>
  );
}
