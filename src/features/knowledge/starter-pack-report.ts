import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import PDFDocument from 'pdfkit';
import { quantileClasses } from './colour-classes.js';
import { changeTo2035 } from './indicator-table.js';
import type { RegionIndicators } from './region-indicators.js';

/** The report's words in one language (from the UI translations under `report`). */
export type ReportText = Record<string, string>;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
const MARGIN = 48;

/**
 * The region's statistics starter pack as a PDF: the cohorts and their projection, the
 * accessibility of lukio and vocational education, a map, and the method with the data's sources
 * and licences. The map is drawn from the bundled boundaries, so the report needs no tiles.
 */
export function starterPackPdf(
  data: RegionIndicators,
  boundaries: FeatureCollection,
  sites: readonly { lat: number; lon: number }[],
  text: ReportText,
  regionName: string,
  createdAt: Date,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, compress: false, info: { Title: fill(text.title!, { region: regionName }), Author: 'Tarjotin' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  doc.font('Helvetica-Bold').fontSize(22).text(fill(text.title!, { region: regionName }));
  doc.font('Helvetica').fontSize(10).fillColor('#444').text(fill(text.created!, { date: createdAt.toISOString().slice(0, 10), computed: data.computedAt.slice(0, 16).replace('T', ' ') }));
  if (data.region.isDemo) doc.text(text.demo!);
  doc.moveDown().fillColor('#000');

  const base = data.municipalities.find((m) => m.cohortYear !== null)?.cohortYear ?? 2018;
  const future = data.totals.projection['2035'] ?? null;
  doc.font('Helvetica-Bold').fontSize(14).text(text.summaryTitle!);
  doc.font('Helvetica').fontSize(11).text(fill(text.summary!, { year: base, now: data.totals.cohort16to18, future: future ?? '-' }));
  doc.moveDown(0.5);
  table(doc, [text.form!, '30 min', '45 min', '60 min'], (['lukio', 'vocational', 'any'] as const).map((form) => [
    text[`class_${form}`]!,
    ...([30, 45, 60] as const).map((t) => {
      const share = data.totals.share16to18Within[form][t];
      return share === null ? '-' : `${Math.round(share * 100)} %`;
    }),
  ]), [width * 0.46, width * 0.18, width * 0.18, width * 0.18]);

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).text(text.mapTitle!);
  const values = new Map(data.municipalities.map((m) => [m.code, m.cohort16to18]));
  const classes = quantileClasses([...values.values()].filter((v): v is number => v !== null), String);
  drawMap(doc, boundaries, values, classes, sites, { x: MARGIN, y: doc.y + 10, width, height: 560 });
  doc.y = MARGIN + 620;
  doc.font('Helvetica').fontSize(9);
  for (const c of classes) {
    doc.rect(doc.x, doc.y, 10, 10).fillAndStroke(c.colour, '#666').fillColor('#000').text(`   ${c.label.replace('≤', '<=')}`, doc.x + 14, doc.y, { continued: false });
    doc.x = MARGIN;
  }
  doc.text(text.mapNote!);

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).text(text.tableTitle!);
  doc.moveDown(0.5);
  table(
    doc,
    [text.municipality!, fill(text.now!, { year: base }), '2030', '2035', text.change!, text.nearestLukio!, text.nearestVocational!, text.lukio60!, text.vocational60!],
    data.municipalities.map((m) => [
      m.nameFi,
      m.cohort16to18 ?? '-',
      m.projection['2030'] ?? '-',
      m.projection['2035'] ?? '-',
      changeTo2035(m) === null ? '-' : `${changeTo2035(m)} %`,
      m.nearestMinutes.lukio === null ? '-' : `${m.nearestMinutes.lukio} min`,
      m.nearestMinutes.vocational === null ? '-' : `${m.nearestMinutes.vocational} min`,
      m.reachable[60].lukio,
      m.reachable[60].vocational,
    ].map(String)),
    [0.19, 0.09, 0.08, 0.08, 0.09, 0.11, 0.13, 0.11, 0.12].map((f) => f * width),
    8,
  );

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).text(text.methodTitle!);
  doc.font('Helvetica').fontSize(10);
  const method = { year: base, model: text[`model_${data.travelModel}`]!, source: data.roadNetwork?.source ?? '', date: data.roadNetwork?.importedAt.slice(0, 10) ?? '' };
  const paragraphs = ['methodCohorts', 'methodProjection', 'methodAccess', 'sources', ...(data.roadNetwork ? ['sourcesRoads'] : [])];
  for (const key of paragraphs) doc.moveDown(0.5).text(fill(text[key]!, method));
  doc.end();
  return done;
}

function table(doc: PDFKit.PDFDocument, header: string[], rows: string[][], widths: number[], fontSize = 10) {
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - MARGIN - 30) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    let x = MARGIN;
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 4 }));
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + Math.max(...heights) + 3;
    doc.moveTo(MARGIN, doc.y - 1).lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), doc.y - 1).lineWidth(0.3).strokeColor('#999').stroke();
  };
  row(header, true);
  for (const cells of rows) row(cells, false);
  doc.moveDown();
}

function drawMap(
  doc: PDFKit.PDFDocument,
  boundaries: FeatureCollection,
  values: Map<string, number | null>,
  classes: { upTo: number; colour: string }[],
  sites: readonly { lat: number; lon: number }[],
  box: { x: number; y: number; width: number; height: number },
) {
  const features = boundaries.features.filter((f) => values.has(String(f.properties?.NATCODE))) as Feature<Polygon | MultiPolygon>[];
  const rings = (f: Feature<Polygon | MultiPolygon>) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat());
  const points = features.flatMap((f) => rings(f).flat());
  if (points.length === 0) return;
  const [minLon, maxLon] = [Math.min(...points.map((p) => p[0]!)), Math.max(...points.map((p) => p[0]!))];
  const [minLat, maxLat] = [Math.min(...points.map((p) => p[1]!)), Math.max(...points.map((p) => p[1]!))];
  // Equirectangular with the mid-latitude's scale: true enough in shape for one region.
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min(box.width / ((maxLon - minLon) * kx), box.height / (maxLat - minLat));
  const project = ([lon, lat]: number[]) => [box.x + (lon! - minLon) * kx * scale, box.y + (maxLat - lat!) * scale] as const;
  for (const f of features) {
    const value = values.get(String(f.properties?.NATCODE));
    const colour = value == null ? '#d9d9d9' : (classes.find((c) => value <= c.upTo) ?? classes.at(-1))?.colour ?? '#d9d9d9';
    for (const ring of rings(f)) {
      ring.forEach((point, i) => (i === 0 ? doc.moveTo(...project(point)) : doc.lineTo(...project(point))));
      doc.closePath();
    }
    doc.lineWidth(0.4).fillAndStroke(colour, '#55606a');
  }
  for (const site of sites) {
    if (site.lon < minLon || site.lon > maxLon || site.lat < minLat || site.lat > maxLat) continue;
    doc.circle(...project([site.lon, site.lat]), 2).fillAndStroke('#1f2328', '#ffffff');
  }
}
