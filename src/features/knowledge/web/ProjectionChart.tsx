import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ProjectionSeries {
  name: string;
  now: { year: number; value: number };
  projection: Record<string, number>;
}

const COLOURS = ['#00347a', '#c8102e', '#1a7f37'];

/** The 16–18-year-olds from the age data's year on, one line per series; the numbers are also in the table. */
export function ProjectionChart({ series }: { series: ProjectionSeries[] }) {
  const { t } = useTranslation();
  const years = [...new Set(series.flatMap((s) => [s.now.year, ...Object.keys(s.projection).map(Number)]))].sort((a, b) => a - b);
  const data = years.map((year) => ({
    year,
    ...Object.fromEntries(series.map((s) => [s.name, year === s.now.year ? s.now.value : (s.projection[String(year)] ?? null)])),
  }));
  return (
    <figure className="projection-chart">
      <div style={{ width: '100%', height: 280 }} role="img" aria-label={t('knowledge.chartDescription', { names: series.map((s) => s.name).join(', ') })}>
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#e0e0e0" />
            <XAxis dataKey="year" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Line key={s.name} type="monotone" dataKey={s.name} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{t('knowledge.chartCaption')}</figcaption>
    </figure>
  );
}
