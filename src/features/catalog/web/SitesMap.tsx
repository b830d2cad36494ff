import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoundaryMap } from '../../../web/app/boundary-map.js';
import { useMunicipalityName, useTravelTime } from '../../../web/app/labels.js';
import { useMunicipalities } from '../../../web/app/municipalities.js';

export interface MapSite {
  id: number;
  name: string;
  municipalityCode: string;
  lat: number;
  lon: number;
  locationApproximate: boolean;
  offeringCount: number;
  travelMinutes: number | null;
  travelModel: 'estimate' | 'road' | null;
}

export function sitesGeoJson(sites: Pick<MapSite, 'id' | 'lat' | 'lon' | 'offeringCount' | 'locationApproximate'>[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { id: s.id, count: s.offeringCount, approximate: s.locationApproximate },
    })),
  };
}

/**
 * Sites of the current search on a map, with the same sites in a table beside it: the map is a
 * picture for the sighted, the table is the content for everyone.
 */
export function SitesMap({ sites, complete, home }: { sites: MapSite[]; complete: boolean; home: string | null }) {
  const { t } = useTranslation();
  const travelTime = useTravelTime();
  const { container, unavailable, whenReady } = useBoundaryMap(t('map.attribution'), (instance) => {
    instance.addSource('sites', { type: 'geojson', data: sitesGeoJson([]) });
    instance.addLayer({
      id: 'sites',
      type: 'circle',
      source: 'sites',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 4, 30, 10],
        'circle-color': ['case', ['get', 'approximate'], '#b65c00', '#00347a'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    });
    instance.addSource('home', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    instance.addLayer({ id: 'home', type: 'circle', source: 'home', paint: { 'circle-radius': 7, 'circle-color': '#c8102e', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
  });
  const municipalities = useMunicipalities();
  const municipalityName = useMunicipalityName();
  const homePoint = home ? municipalities.get(home) : undefined;

  useEffect(() => {
    whenReady((instance) => {
      (instance.getSource('sites') as GeoJSONSource | undefined)?.setData(sitesGeoJson(sites));
      (instance.getSource('home') as GeoJSONSource | undefined)?.setData({
        type: 'FeatureCollection',
        features: homePoint?.lat != null ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [homePoint.lon!, homePoint.lat] }, properties: {} }] : [],
      });
      if (sites.length > 0) {
        const lons = sites.map((s) => s.lon);
        const lats = sites.map((s) => s.lat);
        instance.fitBounds([[Math.min(...lons) - 0.5, Math.min(...lats) - 0.3], [Math.max(...lons) + 0.5, Math.max(...lats) + 0.3]], { duration: 0, maxZoom: 8 });
      }
    });
  }, [sites, homePoint]);

  return (
    <section className="sites-map" aria-labelledby="sites-map-heading">
      <h2 id="sites-map-heading">{t('map.title')}</h2>
      {unavailable ? (
        <p>{t('map.unavailable')}</p>
      ) : (
        <div ref={container} className="sites-map__canvas" role="group" aria-label={t('map.description', { count: sites.length })} />
      )}
      <p className="sites-map__legend">
        <span className="legend-dot legend-dot--exact" aria-hidden="true" /> {t('map.exact')}{' '}
        <span className="legend-dot legend-dot--approximate" aria-hidden="true" /> {t('map.approximate')}
        {home && <> <span className="legend-dot legend-dot--home" aria-hidden="true" /> {t('map.home')}</>}
      </p>
      {!complete && <p className="sites-map__partial">{home ? t('map.nearestOnly', { count: sites.length }) : t('map.partial')}</p>}
      <details>
        <summary>{t('map.siteList', { count: sites.length })}</summary>
        <table className="data-table">
          <caption className="visually-hidden">{t('map.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.site')}</th>
              <th scope="col">{t('map.municipality')}</th>
              <th scope="col">{t('map.offerings')}</th>
              {home && <th scope="col">{t('map.travel')}</th>}
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.id}>
                <td>{s.name}{s.locationApproximate && ` (${t('map.approximateShort')})`}</td>
                <td>{municipalityName(municipalities.get(s.municipalityCode))}</td>
                <td>{s.offeringCount}</td>
                {home && <td>{s.travelMinutes === null ? '–' : travelTime(s.travelMinutes, s.travelModel)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
