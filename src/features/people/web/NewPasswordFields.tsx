import { useTranslation } from 'react-i18next';
import { TextInput } from 'suomifi-ui-components';
import type { ApiError } from '../../../web/app/api.js';
import { useFieldIssues } from '../../../web/app/field-issues.js';
import { MIN_PASSWORD_LENGTH } from '../password-policy.js';

export interface NewPassword {
  password: string;
  repeat: string;
}

/** The two entries match; checked in the browser, since the server sees only one. */
export const passwordsMatch = (value: NewPassword) => value.password === value.repeat;

/**
 * A new password, typed twice, with the rule said before it is broken. `field` is the name the
 * server gives the password in its issues (`password`, `newPassword`).
 */
export function NewPasswordFields({ value, onChange, error, field, submitted }: { value: NewPassword; onChange: (value: NewPassword) => void; error: ApiError | null; field: string; submitted: boolean }) {
  const { t } = useTranslation();
  const issues = useFieldIssues(error);
  const mismatch = submitted && !passwordsMatch(value);
  return (
    <>
      <TextInput
        labelText={t('password.new')}
        hintText={t('password.rule', { count: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={(v) => onChange({ ...value, password: String(v ?? '') })}
        status={issues.status(field)}
        statusText={issues.statusText(field)}
        fullWidth
      />
      <TextInput
        labelText={t('password.repeat')}
        type="password"
        autoComplete="new-password"
        value={value.repeat}
        onChange={(v) => onChange({ ...value, repeat: String(v ?? '') })}
        status={mismatch ? 'error' : 'default'}
        statusText={mismatch ? t('password.mismatch') : undefined}
        fullWidth
      />
    </>
  );
}
