// The policy notice at the top of the options page: what the organisation manages, the helpdesks it
// lists (each with its "allow access" button: browsers let only the user grant site access), and, for
// the administrator, the policy values that were ignored as invalid.
import { useManaged } from '../../shared/organisation-form';
import { isGranted, OriginGrant, useGrantedOrigins } from '../../shared/origin-access';
import { t } from '../../shared/i18n';
import type { MessageKey } from '../../shared/message-keys';

const FIELD_LABELS: Record<string, MessageKey> = {
  legalName: 'orgLegalName',
  role: 'orgRole',
  address: 'orgStreet',
  country: 'orgCountry',
  region: 'orgRegion',
  timeZone: 'orgTimeZone',
  dpo: 'orgDpoName',
  supervisoryAuthority: 'orgAuthority',
  defaultLanguage: 'orgLanguage',
};

export function ManagedNotice() {
  const managed = useManaged();
  const [granted, reload] = useGrantedOrigins();
  if (!managed?.active && !managed?.problems.length) return null;
  return (
    <section class="managed" aria-labelledby="h-managed" data-testid="managed-notice">
      <h2 id="h-managed">{t('managedTitle')}</h2>
      <p>{managed.locked ? t('managedLocked') : t('managedDefaults')}</p>
      {managed.fields.length ? (
        <p data-testid="managed-fields">
          {t('managedFields')} {managed.fields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f)).join(', ')}
        </p>
      ) : null}
      {managed.helpdeskOrigins.length ? (
        <>
          <p>{t('managedOrigins')}</p>
          <ul class="origins">
            {managed.helpdeskOrigins.map((o) => (
              <OriginGrant key={o} origin={o} granted={isGranted(granted, o)} onChange={reload} />
            ))}
          </ul>
        </>
      ) : null}
      {managed.problems.length ? (
        <div class="warn" role="note">
          <p>{t('managedProblems')}</p>
          <ul data-testid="managed-problems">
            {managed.problems.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
