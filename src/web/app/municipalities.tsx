import { createContext, useContext, type ReactNode } from 'react';
import { useApi } from './use-api.js';

export interface Municipality {
  code: string;
  nameFi: string;
  nameSv: string;
  lat: number | null;
  lon: number | null;
}

const MunicipalityContext = createContext<Map<string, Municipality>>(new Map());

/** All 308 municipalities, loaded once for every page that names or picks one. */
export function MunicipalityProvider({ children }: { children: ReactNode }) {
  const result = useApi<{ items: Municipality[] }>('/municipalities');
  const byCode = new Map(result.state === 'ready' ? result.data.items.map((m) => [m.code, m]) : []);
  return <MunicipalityContext.Provider value={byCode}>{children}</MunicipalityContext.Provider>;
}

export const useMunicipalities = () => useContext(MunicipalityContext);
