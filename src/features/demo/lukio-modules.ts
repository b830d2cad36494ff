/**
 * The modules of the 2021 lukio curriculum (LOPS 2021) the demo's lukios offer, by national code,
 * with their scope in opintopisteet. Their names come from the national code set
 * (moduulikoodistolops2021), imported as any region imports it; the set carries no scope, so the
 * seed sets the modules that are not the common 2 op, as a provider would.
 */
const CREDITS_OTHER_THAN_TWO: Record<string, number> = { MAA2: 3, MAA4: 3, MAA6: 3 };

export const LUKIO_MODULE_CODES = [
  'ÄI1', 'ÄI2', 'ÄI3', 'ÄI4', 'ÄI5', 'ÄI6',
  'MAY1', 'MAA2', 'MAA3', 'MAA4', 'MAA5', 'MAA6',
  'MAB2', 'MAB3', 'MAB4', 'MAB5',
  'ENA1', 'ENA2', 'ENA3', 'ENA4',
  'RUB11', 'RUB12', 'SÄI1',
  'BI1', 'BI2', 'GE1', 'FY1', 'KE1', 'HI1', 'YH1', 'FI1', 'PS1', 'TE1', 'KU1', 'MU1', 'LI1', 'OP1',
] as const;

export const LUKIO_CREDIT_CORRECTIONS = Object.entries(CREDITS_OTHER_THAN_TWO);
