import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';

/**
 * A button for an action that cannot simply be undone: the first press asks, in words, what will
 * happen; only the second does it. Focus moves to the question, so a screen reader hears it.
 */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, busy }: { label: string; question: string; confirmLabel: string; onConfirm: () => Promise<unknown>; busy: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) return <Button variant="secondary" onClick={() => setAsking(true)}>{label}</Button>;
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p tabIndex={-1} ref={(node) => node?.focus()}>{question}</p>
      <div className="form-actions">
        <Button disabled={busy} onClick={() => void onConfirm().finally(() => setAsking(false))}>{confirmLabel}</Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
      </div>
    </div>
  );
}
