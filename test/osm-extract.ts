import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import Pbf from 'pbf';
import { Blob, BlobHeader } from 'osm-pbf-parser-node/proto/fileformat.js';
import { HeaderBlock, PrimitiveBlock } from 'osm-pbf-parser-node/proto/osmformat.js';
import { BZIP2 } from '../scripts/test-prerequisites.mjs';

/** A small OpenStreetMap extract that a test writes itself, as XML or PBF. */
export interface OsmExtract {
  nodes: { id: number; lat: number; lon: number }[];
  ways: { id: number; nodes: number[]; tags: Record<string, string> }[];
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function writeOsmXml(path: string, extract: OsmExtract): void {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<osm version="0.6" generator="tarjotin-test">',
    ...extract.nodes.map((n) => `  <node id="${n.id}" lat="${n.lat}" lon="${n.lon}" version="1"/>`),
    ...extract.ways.flatMap((w) => [
      `  <way id="${w.id}" version="1">`,
      ...w.nodes.map((ref) => `    <nd ref="${ref}"/>`),
      ...Object.entries(w.tags).map(([k, v]) => `    <tag k="${escape(k)}" v="${escape(v)}"/>`),
      '  </way>',
    ]),
    '</osm>',
  ];
  writeFileSync(path, lines.join('\n'));
}

/** PBF as osmium writes it: a header block, then one data block with dense nodes and ways. */
export function writeOsmPbf(path: string, extract: OsmExtract): void {
  const strings = [''];
  const stringId = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const delta = (values: number[]) => values.map((v, i) => v - (i > 0 ? values[i - 1]! : 0));
  const ways = extract.ways.map((w) => ({
    id: w.id,
    keys: Object.keys(w.tags).map(stringId),
    vals: Object.values(w.tags).map(stringId),
    refs: delta(w.nodes),
  }));
  const dense = {
    id: delta(extract.nodes.map((n) => n.id)),
    lat: delta(extract.nodes.map((n) => Math.round(n.lat * 1e7))),
    lon: delta(extract.nodes.map((n) => Math.round(n.lon * 1e7))),
  };
  const block = { stringtable: { s: strings.map((s) => Buffer.from(s)) }, primitivegroup: [{ dense }, { ways }], granularity: 100 };
  writeFileSync(path, Buffer.concat([fileBlock('OSMHeader', encode(HeaderBlock, { required_features: ['OsmSchema-V0.6', 'DenseNodes'] })), fileBlock('OSMData', encode(PrimitiveBlock, block))]));
}

function encode(message: { write: (value: unknown, pbf: Pbf) => void }, value: unknown): Uint8Array {
  const pbf = new Pbf();
  message.write(value, pbf);
  return pbf.finish();
}

function fileBlock(type: string, data: Uint8Array): Buffer {
  const blob = encode(Blob, { raw_size: data.length, zlib_data: deflateSync(data) });
  const header = encode(BlobHeader, { type, datasize: blob.length });
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, blob]);
}

/** Compresses a file as `FILE.bz2` beside it, keeping it: Geofabrik's and BBBike's `.osm.bz2` downloads. */
export function bzip2File(path: string): string {
  execFileSync(BZIP2, ['-kf', path]);
  return `${path}.bz2`;
}
