// The audit trail: does the hash chain verify, and where is it broken if not.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging/client';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { t } from '../../shared/i18n';

export function AuditStatus() {
  const [result, setResult] = useState<ResponseOf<'audit.verify'> | undefined>();
  useEffect(() => void send('audit.verify', {}).then(setResult), []);
  if (!result) return <div class="audit muted">…</div>;
  return (
    <div class={`audit ${result.ok ? 'ok' : 'warn'}`} data-testid="audit-status">
      {result.ok ? t('auditOk', String(result.entries)) : t('auditBroken', [String(result.brokenAt), result.reason])}
    </div>
  );
}

