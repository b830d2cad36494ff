import { useTranslation } from 'react-i18next';
import type { ApiError } from './api.js';

/**
 * The status and translated message of a form field from the server's 400 issues (`body.<field>…`):
 * the field's own wording of the problem when it has one (`fieldIssues.email.invalid_format`), else
 * the problem's.
 */
export function useFieldIssues(error: ApiError | null) {
  const { t } = useTranslation();
  const issueOf = (field: string) => error?.issues.find((i) => i.path === `body.${field}` || i.path.startsWith(`body.${field}.`));
  return {
    status: (field: string) => (issueOf(field) ? ('error' as const) : ('default' as const)),
    statusText: (field: string) => {
      const issue = issueOf(field);
      return issue ? t(`fieldIssues.${field}.${issue.code}`, { defaultValue: t(`issues.${issue.code}`, { defaultValue: t('issues.invalid') }) }) : undefined;
    },
  };
}
