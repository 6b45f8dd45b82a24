// The audit trail: does the hash chain verify and does every record match its last entry; where it is
// broken if not. The chain head (entries and last hash) can be copied and kept outside the browser; a
// kept head pasted back catches a log that was shortened or rewritten since (lib/audit/README.md).
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { errorText } from '../../shared/error-text';
import { formatDateTime, formatNumber, t } from '../../shared/i18n';

/** Logs up to this size are verified in full whenever they grow; longer ones from the last verified head. */
const AUTO_VERIFY_MAX = 50_000;

type Result = ResponseOf<'audit.verify'>;

/** A kept head as copied: `{"entries":N,"hash":"…"}`, or "N hash" typed by hand. */
function parseHead(text: string): { entries: number; hash: string } | undefined {
  const trimmed = text.trim();
  try {
    const json = JSON.parse(trimmed) as { entries?: unknown; hash?: unknown };
    if (typeof json.entries === 'number' && typeof json.hash === 'string') return { entries: json.entries, hash: json.hash.toLowerCase() };
  } catch {
    const m = /^(\d+)\s+([0-9a-fA-F]{64})$/.exec(trimmed);
    if (m) return { entries: Number(m[1]), hash: m[2]!.toLowerCase() };
  }
  return undefined;
}

export function AuditStatus() {
  const [result, setResult] = useState<Result | undefined>();
  const [checkedAt, setCheckedAt] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [keptText, setKeptText] = useState('');
  const [note, setNote] = useState<string | undefined>();
  const verify = (payload: { kept?: { entries: number; hash: string }; routine?: boolean } = {}) => {
    setBusy(true);
    setNote(undefined);
    void send('audit.verify', payload)
      .then((r) => {
        setResult(r);
        setCheckedAt(new Date().toISOString());
      }, (e: unknown) => setNote(errorText(e)))
      .finally(() => setBusy(false));
  };
  useEffect(() => {
    let seen = -1;
    const poll = () =>
      void send('audit.status', {}).then((status) => {
        // Re-verify whenever the log grew (any view may have written): small logs in full, large ones
        // from the last verified head (a routine check that stays well under a second).
        if (status.entries === seen) return;
        const first = seen < 0;
        seen = status.entries;
        if (status.entries <= AUTO_VERIFY_MAX) return verify();
        if (first && status.last) {
          setResult(status.last);
          setCheckedAt(status.last.at);
        }
        return verify({ routine: true });
      });
    poll();
    const timer = setInterval(poll, 3000);
    return () => clearInterval(timer);
  }, []);
  const head = result?.ok ? { entries: result.entries, hash: result.head } : undefined;
  return (
    <div class={`audit ${result ? (result.ok ? 'ok' : 'warn') : 'muted'}`} data-testid="audit-status" role="status">
      {busy ? t('auditVerifying') : !result ? t('auditNotVerified') : result.ok ? t('auditOk', formatNumber(result.entries)) : t('auditBroken', [formatNumber(result.brokenAt), result.reason])}
      {checkedAt && !busy ? <span class="muted"> ({formatDateTime(checkedAt)})</span> : null}{' '}
      {!busy && result?.ok && result.keyed ? (
        <span class="muted" data-testid="audit-keyed">
          {result.keyed.state === 'off'
            ? t('auditKeyedOff')
            : result.keyed.state === 'locked'
              ? t('auditKeyedLocked')
              : result.keyed.upTo < result.entries
                ? t('auditKeyedPartly', [formatNumber(result.keyed.upTo), formatNumber(result.entries - result.keyed.upTo)])
                : t('auditKeyed')}
        </span>
      ) : null}{' '}
      <button type="button" class="link" disabled={busy} onClick={() => verify()}>
        {t('verifyAgain')}
      </button>
      <details class="audit-head">
        <summary>{t('auditHead')}</summary>
        {head ? (
          <p>
            <code data-testid="audit-head">{`${formatNumber(head.entries)} · ${head.hash.slice(0, 16)}…`}</code>{' '}
            <button type="button" class="link" data-testid="audit-head-copy" onClick={() => void navigator.clipboard.writeText(JSON.stringify(head)).then(() => setNote(t('auditHeadCopied')), (e: unknown) => setNote(errorText(e)))}>
              {t('auditHeadCopy')}
            </button>
          </p>
        ) : null}
        <p class="muted">{t('auditHeadHint')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const kept = parseHead(keptText);
            if (!kept) return setNote(t('auditHeadInvalid'));
            verify({ kept });
          }}
        >
          <label>
            {t('auditHeadKept')}
            <input name="kept-head" value={keptText} spellcheck={false} data-testid="audit-kept" onInput={(e) => setKeptText((e.target as HTMLInputElement).value)} />
          </label>{' '}
          <button type="submit" disabled={busy}>
            {t('auditHeadCheck')}
          </button>
        </form>
        {note ? <p data-testid="audit-note">{note}</p> : null}
      </details>
    </div>
  );
}
