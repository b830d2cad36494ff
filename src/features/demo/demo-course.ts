/** A course the demo adds as a local one (its own code), with names in the three languages. */
export interface DemoCourse {
  code: string;
  fi: string;
  sv: string;
  en: string;
  credits: number;
  field: string;
}
