import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoundaryMap } from '../../../web/app/boundary-map.js';
import { sitesGeoJson, type MapSite } from '../../catalog/web/SitesMap.js';
import type { ColourClass } from '../colour-classes.js';

/**
 * The region's municipalities coloured by an indicator, with the teaching sites on top. The same
 * figures are in the indicator table below it; the map is a picture, the table the content.
 */
export function IndicatorMap({ values, classes, sites, label }: { values: Map<string, number | null>; classes: ColourClass[]; sites: MapSite[]; label: string }) {
  const { t } = useTranslation();
  const { container, unavailable, whenReady } = useBoundaryMap(t('map.attribution'), (instance) => {
    instance.addSource('sites', { type: 'geojson', data: sitesGeoJson([]) });
    instance.addLayer({ id: 'sites', type: 'circle', source: 'sites', paint: { 'circle-radius': 3.5, 'circle-color': '#1f2328', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } });
  });

  useEffect(() => {
    whenReady((instance) => {
      const pairs = [...values].flatMap(([code, value]) => [code, value === null ? '#d9d9d9' : classOf(classes, value).colour]);
      // A data-driven colour: each region municipality's class colour, others the plain land colour.
      const fill = ['match', ['get', 'NATCODE'], ...pairs, '#f7f7f4'] as unknown as ExpressionSpecification;
      instance.setPaintProperty('municipality-fill', 'fill-color', values.size > 0 ? fill : '#f7f7f4');
      (instance.getSource('sites') as GeoJSONSource | undefined)?.setData(sitesGeoJson(sites));
      if (sites.length > 0) {
        const lons = sites.map((s) => s.lon);
        const lats = sites.map((s) => s.lat);
        instance.fitBounds([[Math.min(...lons) - 1, Math.min(...lats) - 0.4], [Math.max(...lons) + 1, Math.max(...lats) + 0.4]], { duration: 0 });
      }
    });
  }, [values, classes, sites]);

  return (
    <figure className="indicator-map">
      {unavailable ? <p>{t('map.unavailable')}</p> : <div ref={container} className="sites-map__canvas" role="group" aria-label={t('knowledge.mapDescription', { indicator: label })} />}
      <figcaption>
        <strong>{label}</strong>
        <ul className="map-legend">
          {classes.map((c) => (
            <li key={c.colour}><span className="legend-swatch" style={{ background: c.colour }} aria-hidden="true" /> {c.label}</li>
          ))}
          <li><span className="legend-swatch" style={{ background: '#d9d9d9' }} aria-hidden="true" /> {t('knowledge.noValue')}</li>
          <li><span className="legend-dot legend-dot--site" aria-hidden="true" /> {t('knowledge.sites')}</li>
        </ul>
      </figcaption>
    </figure>
  );
}

const classOf = (classes: ColourClass[], value: number) => classes.find((c) => value <= c.upTo) ?? classes.at(-1)!;
