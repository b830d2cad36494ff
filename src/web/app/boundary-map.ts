import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import boundariesUrl from '../../../data/reference/kuntarajat.2023.json?url';

setWorkerUrl(workerUrl);

/** Municipality boundaries ship with the app (NLS, CC BY 4.0), so maps need no tile server. */
const STYLE: StyleSpecification = {
  version: 8,
  sources: { municipalities: { type: 'geojson', data: boundariesUrl } },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#d7e7f2' } },
    { id: 'municipality-fill', type: 'fill', source: 'municipalities', paint: { 'fill-color': '#f7f7f4' } },
    { id: 'municipality-line', type: 'line', source: 'municipalities', paint: { 'line-color': '#8a9aa6', 'line-width': 0.6 } },
  ],
};

/** A map of Finland's municipalities in the container; throws when WebGL is not available. */
export function createBoundaryMap(container: HTMLElement, attribution: string): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: STYLE,
    bounds: [[19.0, 59.7], [31.6, 70.1]],
    attributionControl: { compact: true, customAttribution: attribution },
  });
  map.addControl(new NavigationControl({ showCompass: false }));
  return map;
}

/**
 * A boundary map in `container` for the component's lifetime: `addLayers` adds its sources and
 * layers once the style has loaded; `whenReady` runs an update now or as soon as they exist.
 */
export function useBoundaryMap(attribution: string, addLayers: (map: MapLibreMap) => void) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    if (!container.current) return;
    try {
      const instance = createBoundaryMap(container.current, attribution);
      instance.on('load', () => {
        addLayers(instance);
        instance.getContainer().dataset.loaded = 'true';
        instance.fire('tarjotin:data');
      });
      map.current = instance;
      return () => {
        instance.remove();
        map.current = null;
      };
    } catch {
      setUnavailable(true);
    }
    // The layers are fixed for the component; only the attribution text follows the language.
  }, [attribution]);
  const whenReady = (update: (map: MapLibreMap) => void) => {
    const instance = map.current;
    if (!instance) return;
    if (instance.getContainer().dataset.loaded === 'true') update(instance);
    else instance.once('tarjotin:data', () => update(instance));
  };
  return { container, unavailable, whenReady };
}
