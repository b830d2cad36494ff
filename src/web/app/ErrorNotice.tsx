import { InlineAlert } from 'suomifi-ui-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api.js';

/** Translates an API error code into the user's language; the server's English text is a fallback only. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: ApiError) => t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
}

export function ErrorNotice({ error }: { error: ApiError }) {
  const text = useErrorText();
  return (
    <InlineAlert status="error" role="alert">
      {text(error)}
    </InlineAlert>
  );
}
