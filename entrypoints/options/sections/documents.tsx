// Link from the settings to the documents page, where Legal generates DPAs, subprocessor lists and
// letters, keeps the subprocessor list and adds custom templates.
import { t } from '../../shared/i18n';

export function DocumentsLink() {
  return (
    <p>
      <a href="/documents.html" target="_blank" data-testid="open-documents">
        {t('doc_openDocuments')}
      </a>
    </p>
  );
}
