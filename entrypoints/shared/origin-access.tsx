// Site access for a helpdesk origin: the browser asks the user (permissions.request must run in the
// click's user gesture), and the background then registers the overlay there (permissions.onAdded →
// content-scripts.ts). Used by the first-run page and the policy notice in the options page.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { originPattern } from '../../lib/settings/managed';
import { t } from './i18n';

/** `support.example.com` or `https://support.example.com/agent/…` → `https://support.example.com`. */
export function parseOrigin(input: string): string | undefined {
  const raw = input.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    return `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}

/** Whether access to `origin` is held: match patterns ignore the port, so compare scheme and host. */
export function isGranted(granted: string[], origin: string): boolean {
  const key = (o: string) => {
    const url = new URL(o);
    return `${url.protocol}//${url.hostname}`;
  };
  return granted.some((g) => key(g) === key(origin));
}

/** Origins the extension may run on now, without the match pattern's `/*`. */
export function useGrantedOrigins(): [string[], () => void] {
  const [granted, setGranted] = useState<string[]>([]);
  const reload = () =>
    void browser.permissions.getAll().then(({ origins = [] }) => setGranted(origins.filter((o) => /^https?:\/\/[^*]+\/\*$/.test(o)).map((o) => o.slice(0, -2))));
  useEffect(() => {
    reload();
    browser.permissions.onAdded.addListener(reload);
    browser.permissions.onRemoved.addListener(reload);
    return () => {
      browser.permissions.onAdded.removeListener(reload);
      browser.permissions.onRemoved.removeListener(reload);
    };
  }, []);
  return [granted, reload];
}

/** One origin with its state and, until granted, a button that asks the browser for access. */
export function OriginGrant({ origin, granted, onChange }: { origin: string; granted: boolean; onChange(): void }) {
  const [refused, setRefused] = useState(false);
  return (
    <li data-testid="origin" data-origin={origin}>
      <code>{origin}</code>{' '}
      {granted ? (
        <span class="ok">✓ {t('originGranted')}</span>
      ) : (
        <button
          type="button"
          onClick={async () => {
            const ok = await browser.permissions.request({ origins: [originPattern(origin)] });
            setRefused(!ok);
            onChange();
          }}
        >
          {t('originAllow')}
        </button>
      )}
      {refused ? <span class="warn"> {t('originRefused')}</span> : null}
    </li>
  );
}
