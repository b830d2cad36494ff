import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../../web/app/labels.js';
import type { RegionIndicators } from '../region-indicators.js';

/** When the figures were computed, which travel model produced them, and the road data it used. */
export function ComputedNote({ data, model }: { data: RegionIndicators; model: RegionIndicators['travelModel'] }) {
  const { t, i18n } = useTranslation();
  const dateTime = useDateTime();
  const roads = data.roadNetwork;
  return (
    <p className="muted">
      {t('knowledge.computedAt', { time: dateTime(data.computedAt), model: t(`knowledge.model.${model}`) })}
      {roads && model !== 'estimate' && (
        <>
          {' '}
          {t('knowledge.roadNetwork', { source: roads.source, time: dateTime(roads.importedAt), nodes: roads.nodes.toLocaleString(i18n.language) })}
        </>
      )}
    </p>
  );
}
