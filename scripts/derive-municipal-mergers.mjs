// Derives data/reference/municipal_mergers.csv: every former municipality code of the Koodisto `kunta`
// code set (Opetushallitus, EUPL) that is linked to a municipality of the current division, with its
// names, and the municipality it joined; plus mergers the code set does not link yet (Statistics
// Finland's list of municipal mergers). Run: node scripts/derive-municipal-mergers.mjs PATH/kunta.json
import { readFileSync, writeFileSync } from 'node:fs';

const [file = '../shared/data/codes/kunta.json'] = process.argv.slice(2);
const codeSet = JSON.parse(readFileSync(file, 'utf8'));
const current = new Set(
  readFileSync(new URL('../data/reference/fi_municipalities_2026.csv', import.meta.url), 'utf8')
    .split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[0].replace(/"/g, '').padStart(3, '0')),
);
const byCode = new Map(codeSet.map((entry) => [entry.koodiArvo, entry]));
const nameOf = (entry, language) => entry.metadata.find((m) => m.kieli === language)?.nimi ?? '';
const joinedBy = (code, path = new Set()) => {
  if (current.has(code)) return new Set([code]);
  const links = (byCode.get(code)?.levelsWithCodeElements ?? []).map((l) => l.codeElementUri.replace(/^kunta_/, ''));
  const found = new Set();
  for (const link of links) if (link !== code && !path.has(link)) for (const c of joinedBy(link, new Set([...path, code]))) found.add(c);
  return found;
};
/** Mergers since 2021 that the code set has no link for: Statistics Finland, municipal mergers. */
const UNLINKED = { '099': '214', '588': '507' };
const rows = [];
for (const [code, entry] of byCode) {
  if (current.has(code)) continue;
  const joined = UNLINKED[code] ? new Set([UNLINKED[code]]) : joinedBy(code);
  // A former municipality split between several (or ceded, such as Viipuri) has no one to add its figures to.
  if (joined.size !== 1) continue;
  rows.push([code, nameOf(entry, 'FI'), nameOf(entry, 'SV'), [...joined][0], UNLINKED[code] ? 'Statistics Finland' : 'Koodisto kunta']);
}
rows.sort(([a], [b]) => a.localeCompare(b));
const csv = ['former_code,name_fi,name_sv,joined_code,source', ...rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))];
writeFileSync(new URL('../data/reference/municipal_mergers.csv', import.meta.url), csv.join('\n') + '\n');
console.log(`Wrote ${rows.length} former municipalities.`);
