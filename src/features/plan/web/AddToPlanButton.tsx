import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from 'suomifi-ui-components';
import { api, ApiError } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSession } from '../../../web/app/session.js';

/** The plan as the server holds it: the offering ids only. */
export async function plannedOfferingIds(studentId: number): Promise<number[]> {
  const plan = await api<{ items: { offering: { id: number } }[] }>(`/students/${studentId}/plan`);
  return plan.items.map((i) => i.offering.id);
}

export function savePlan(studentId: number, offeringIds: number[]) {
  return api(`/students/${studentId}/plan`, { method: 'PUT', json: { offeringIds } });
}

/** On an offering page, a student adds the offering to their study plan. */
export function AddToPlanButton({ offeringId }: { offeringId: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [added, setAdded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (user?.role !== 'student') return null;
  const add = async () => {
    setError(null);
    try {
      const ids = await plannedOfferingIds(user.id);
      if (!ids.includes(offeringId)) await savePlan(user.id, [...ids, offeringId]);
      setAdded(true);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div aria-live="polite" className="add-to-plan">
      {added ? (
        <p className="success">{t('plan.added')} <Link to="/plan">{t('plan.openPlan')}</Link></p>
      ) : (
        <Button variant="secondary" onClick={() => void add()}>{t('plan.add')}</Button>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
