// Small pieces the documents page's sections share.
import type { TemplateProblem } from '../../lib/messaging/messages/documents';
import type { UiLanguage } from '../../lib/model/common';
import { t } from '../shared/i18n';

/** Each language by its own name, as language pickers show them. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', nl: 'Nederlands', de: 'Deutsch', it: 'Italiano' };

/** A custom template's problem: what, where (line, column) and which field. */
export function ProblemView({ problem, testid }: { problem: TemplateProblem; testid: string }) {
  return (
    <div class="warn wide problem" role="alert" data-testid={testid}>
      <strong>{t(`doc_problem_${problem.kind}`)}</strong>
      {problem.line !== undefined ? <span data-testid="problem-line"> · {t('doc_problemLine', [String(problem.line), String(problem.column ?? 1)])}</span> : null}
      {problem.field ? <span data-testid="problem-field"> · {t('doc_problemField', problem.field)}</span> : null}
      <div class="problem-detail">{problem.message}</div>
    </div>
  );
}
