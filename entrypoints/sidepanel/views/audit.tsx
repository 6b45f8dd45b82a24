// The audit trail: does the hash chain verify, and where is it broken if not.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { t } from '../../shared/i18n';

export function AuditStatus() {
  const [result, setResult] = useState<ResponseOf<'audit.verify'> | undefined>();
  const [busy, setBusy] = useState(false);
  const verify = () => {
    setBusy(true);
    void send('audit.verify', {})
      .then(setResult)
      .finally(() => setBusy(false));
  };
  useEffect(verify, []);
  return (
    <div class={`audit ${result ? (result.ok ? 'ok' : 'warn') : 'muted'}`} data-testid="audit-status" role="status">
      {!result ? '…' : result.ok ? t('auditOk', String(result.entries)) : t('auditBroken', [String(result.brokenAt), result.reason])}{' '}
      <button type="button" class="link" disabled={busy} onClick={verify}>
        {t('verifyAgain')}
      </button>
    </div>
  );
}
