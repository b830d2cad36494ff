import { useTranslation } from 'react-i18next';
import type { ApiError } from './api.js';

/** The status and translated message of a form field from the server's 400 issues (`body.<field>…`). */
export function useFieldIssues(error: ApiError | null) {
  const { t } = useTranslation();
  const issueOf = (field: string) => error?.issues.find((i) => i.path === `body.${field}` || i.path.startsWith(`body.${field}.`));
  return {
    status: (field: string) => (issueOf(field) ? ('error' as const) : ('default' as const)),
    statusText: (field: string) => {
      const issue = issueOf(field);
      return issue ? t(`issues.${issue.code}`, { defaultValue: t('issues.invalid') }) : undefined;
    },
  };
}
