import { z } from 'zod';

/** Statistics Finland's municipality code: three digits, leading zeros kept (Pello `854`, Akaa `020`). */
export const municipalityCodeSchema = z.string().regex(/^\d{3}$/, 'three-digit municipality code');
