import { z } from 'zod';

/**
 * Opetushallitus Koodisto's export of a code set: an array of code elements, each with its value
 * (`koodiArvo`), URI (`koodiUri`) and names per language (`metadata[{kieli, nimi}]`). Names are
 * taken as published, trimmed (the national list has trailing spaces); a missing Swedish or English
 * name falls back to the Finnish one, as Koodisto's own clients do.
 */
export interface CodeElement {
  code: string;
  uri: string;
  fi: string;
  sv: string;
  en: string;
}

/** The file is not a Koodisto code set: the one-line reason and where in the file. */
export class CodeSetFormatError extends Error {}

const nameSchema = z.object({ kieli: z.string(), nimi: z.string().nullable().optional() });
const elementSchema = z.object({
  koodiArvo: z.string().trim().min(1).max(40),
  koodiUri: z.string().trim().min(1).max(200),
  metadata: z.array(nameSchema),
});

/** Reads a Koodisto JSON code set; the first fault found is reported with the element's position (1-based). */
export function readKoodistoCodeSet(text: string): CodeElement[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new CodeSetFormatError('The file is not JSON');
  }
  return readKoodistoElements(json);
}

/** The code elements of a Koodisto code set already parsed from JSON (a request's body). */
export function readKoodistoElements(json: unknown): CodeElement[] {
  if (!Array.isArray(json)) throw new CodeSetFormatError('A Koodisto code set is a JSON array of code elements');
  const seen = new Set<string>();
  return json.map((raw, index) => {
    const parsed = elementSchema.safeParse(raw);
    const where = `code element ${index + 1}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CodeSetFormatError(`${where}: ${issue.path.join('.') || 'element'}: ${issue.message}`);
    }
    const names = new Map(parsed.data.metadata.map((m) => [m.kieli.toUpperCase(), m.nimi?.trim() ?? '']));
    const fi = names.get('FI');
    if (!fi) throw new CodeSetFormatError(`${where} (${parsed.data.koodiArvo}): no Finnish name`);
    if (seen.has(parsed.data.koodiArvo)) throw new CodeSetFormatError(`${where}: code ${parsed.data.koodiArvo} appears twice`);
    seen.add(parsed.data.koodiArvo);
    return { code: parsed.data.koodiArvo, uri: parsed.data.koodiUri, fi, sv: names.get('SV') || fi, en: names.get('EN') || fi };
  });
}
