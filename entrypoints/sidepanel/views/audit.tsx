// The audit trail: does the hash chain verify, and where is it broken if not.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { formatDateTime, formatNumber, t } from '../../shared/i18n';

/** Logs up to this size are verified whenever the panel opens; longer ones on request (≈ 1 min per million). */
const AUTO_VERIFY_MAX = 50_000;

export function AuditStatus() {
  const [result, setResult] = useState<ResponseOf<'audit.verify'> | undefined>();
  const [checkedAt, setCheckedAt] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const verify = () => {
    setBusy(true);
    void send('audit.verify', {})
      .then((r) => {
        setResult(r);
        setCheckedAt(new Date().toISOString());
      })
      .finally(() => setBusy(false));
  };
  useEffect(() => {
    let seen = -1;
    const poll = () =>
      void send('audit.status', {}).then((status) => {
        // Re-verify small logs whenever they grew (any view may have written); large ones on request.
        if (status.entries === seen) return;
        seen = status.entries;
        if (status.entries <= AUTO_VERIFY_MAX) return verify();
        if (status.last) {
          setResult(status.last);
          setCheckedAt(status.last.at);
        }
      });
    poll();
    const timer = setInterval(poll, 3000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div class={`audit ${result ? (result.ok ? 'ok' : 'warn') : 'muted'}`} data-testid="audit-status" role="status">
      {busy ? t('auditVerifying') : !result ? t('auditNotVerified') : result.ok ? t('auditOk', formatNumber(result.entries)) : t('auditBroken', [formatNumber(result.brokenAt), result.reason])}
      {checkedAt && !busy ? <span class="muted"> ({formatDateTime(checkedAt)})</span> : null}{' '}
      <button type="button" class="link" disabled={busy} onClick={verify}>
        {t('verifyAgain')}
      </button>
    </div>
  );
}
