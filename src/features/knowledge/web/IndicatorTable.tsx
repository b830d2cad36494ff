import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from 'suomifi-ui-components';
import { changeTo2035 } from '../indicator-table.js';
import type { RegionIndicators } from '../region-indicators.js';

type Municipality = RegionIndicators['municipalities'][number];

const COLUMNS: { key: string; value: (m: Municipality) => number | string | null; unit?: 'min' | '%' }[] = [
  { key: 'municipality', value: (m) => m.nameFi },
  { key: 'cohort', value: (m) => m.cohort16to18 },
  { key: 'cohort2035', value: (m) => m.projection['2035'] ?? null },
  { key: 'change', value: (m) => changeTo2035(m), unit: '%' },
  { key: 'lukio', value: (m) => m.nearestMinutes.lukio, unit: 'min' },
  { key: 'vocational', value: (m) => m.nearestMinutes.vocational, unit: 'min' },
  { key: 'lukio60', value: (m) => m.reachable[60].lukio },
  { key: 'vocational60', value: (m) => m.reachable[60].vocational },
];

/** Every indicator of every municipality, sortable by any column, exportable as CSV and XLSX. */
export function IndicatorTable({ data, regionId, chosen, onChoose }: { data: RegionIndicators; regionId: number; chosen: string | null; onChoose(code: string | null): void }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'municipality', descending: false });
  const column = COLUMNS.find((c) => c.key === sort.key)!;
  const rows = [...data.municipalities].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), i18n.language) : x - (y as number);
    return sort.descending ? -order : order;
  });
  const format = (value: number | string | null, unit?: string) => (value === null ? '–' : unit ? `${value.toLocaleString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`)} ${unit}` : value.toLocaleString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`));

  return (
    <section aria-labelledby="indicator-table-heading">
      <h2 id="indicator-table-heading">{t('knowledge.tableTitle')}</h2>
      <p>
        <a href={`/api/v1/regions/${regionId}/indicators/export?format=csv`} download>{t('knowledge.exportCsv')}</a>
        {' · '}
        <a href={`/api/v1/regions/${regionId}/indicators/export?format=xlsx`} download>{t('knowledge.exportXlsx')}</a>
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('knowledge.tableTitle')}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort-button" onClick={() => setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : false })}>
                    {t(`knowledge.columns.${c.key}`)}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">{t('knowledge.columns.chart')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.code}>
                {COLUMNS.map((c, i) => (i === 0 ? <th key={c.key} scope="row"><Link to={`/knowledge/municipalities/${m.code}?region=${regionId}`}>{m.nameFi}</Link></th> : <td key={c.key}>{format(c.value(m), c.unit)}</td>))}
                <td>
                  <Button variant="secondaryNoBorder" aria-pressed={chosen === m.code} onClick={() => onChoose(chosen === m.code ? null : m.code)} aria-label={t('knowledge.showInChart', { name: m.nameFi })}>
                    {chosen === m.code ? t('knowledge.shown') : t('knowledge.show')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
