import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, LoadingSpinner } from 'suomifi-ui-components';
import { api, ApiError } from '../../../web/app/api.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useSlotText } from '../../../web/app/labels.js';
import { useApi } from '../../../web/app/use-api.js';
import type { listTimeFrames } from '../time-frame.js';

type Frames = Awaited<ReturnType<typeof listTimeFrames>>;

/** The region's shared periods and bars, and whether the organization has adopted them (with the switch to adopt or leave). */
export function TimeFramePanel({ regionId, organizationId }: { regionId: number; organizationId: number }) {
  const { t, i18n } = useTranslation();
  const slotText = useSlotText();
  const frames = useApi<Frames>(`/regions/${regionId}/time-frames`);
  const [error, setError] = useState<ApiError | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`);

  if (frames.state === 'loading') return <LoadingSpinner text={t('common.loading')} />;
  if (frames.state === 'error') return <ErrorNotice error={frames.error} />;
  const toggle = async (frameId: number, adopt: boolean) => {
    setError(null);
    try {
      await api(`/time-frames/${frameId}/adopters/${organizationId}`, { method: adopt ? 'PUT' : 'DELETE' });
      frames.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <section className="panel" aria-labelledby="time-frame-heading">
      <h2 id="time-frame-heading">{t('timeFrame.title')}</h2>
      <p>{t('timeFrame.help')}</p>
      {frames.data.items.length === 0 && <p className="empty-state">{t('timeFrame.empty')}</p>}
      {error && <ErrorNotice error={error} />}
      {frames.data.items.map((frame) => {
        const adopted = frame.adopters.some((a) => a.id === organizationId);
        return (
          <details key={frame.id} className="seats-details">
            <summary>
              {frame.name} · {adopted ? t('timeFrame.adopted') : t('timeFrame.notAdopted')}
            </summary>
            <div className="form-actions">
              <Button variant="secondary" onClick={() => void toggle(frame.id, !adopted)}>{adopted ? t('timeFrame.leave') : t('timeFrame.adopt')}</Button>
            </div>
            <table className="data-table">
              <caption>{t('timeFrame.periods')}</caption>
              <thead><tr><th scope="col">{t('round.period')}</th><th scope="col">{t('timeFrame.dates')}</th></tr></thead>
              <tbody>
                {frame.periods.map((p) => <tr key={p.number}><td>{p.number}</td><td>{date(p.startsOn)} – {date(p.endsOn)}</td></tr>)}
              </tbody>
            </table>
            <table className="data-table">
              <caption>{t('timeFrame.bars')}</caption>
              <thead><tr><th scope="col">{t('timeFrame.bar')}</th><th scope="col">{t('round.when')}</th></tr></thead>
              <tbody>
                {frame.bars.map((b) => <tr key={b.code}><td>{b.code}</td><td>{b.lessons.map(slotText).join(', ')}</td></tr>)}
              </tbody>
            </table>
          </details>
        );
      })}
    </section>
  );
}
