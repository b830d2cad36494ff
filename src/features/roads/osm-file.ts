import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import bz2 from 'unbzip2-stream';
import { OSMTransform } from 'osm-pbf-parser-node';
import { SaxesParser } from 'saxes';
import { UnreadableFileError } from '../../server/files/unreadable-file-error.js';

/** The parts of an OpenStreetMap extract that make a road network. */
export interface OsmRoads {
  /** Index of each node id in `lat` and `lon`. */
  nodeIndex: Map<number, number>;
  lat: number[];
  lon: number[];
  /** Ways tagged `highway`, with their node ids in order. */
  ways: OsmWay[];
}

export interface OsmWay {
  nodes: number[];
  highway: string;
  maxspeed?: string;
}

/** The file is not an OpenStreetMap extract we can read; the message says why. */
export class OsmFileError extends UnreadableFileError {}

type Progress = (bytesRead: number, totalBytes: number) => void;

/** What a file is, told by its first bytes: what the reader can read, or what to say about it. */
type FileKind = { read: 'xml' | 'pbf'; compression?: 'gzip' | 'bzip2' } | { refuse: string };

const REFUSED_KINDS: [RegExp | ((head: Buffer) => boolean), string][] = [
  [(h) => h.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'a ZIP archive: unpack it and import the .osm.pbf or .osm file inside'],
  [(h) => h.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])), 'compressed with xz: unpack it first (xz -d), or download the .osm.pbf'],
  [(h) => h.subarray(0, 6).equals(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])), 'a 7-Zip archive: unpack it first, or download the .osm.pbf'],
  [(h) => h.subarray(0, 5).toString('latin1') === '%PDF-', 'a PDF document, not an OpenStreetMap extract'],
  [(h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG image, not an OpenStreetMap extract'],
  [(h) => h[0] === 0xff && h[1] === 0xd8, 'a JPEG image, not an OpenStreetMap extract'],
  [/^\s*<(!doctype html|html)/i, 'an HTML page (perhaps the download site\'s error page), not an OpenStreetMap extract'],
  [/^\s*[[{]/, 'JSON (GeoJSON?), not an OpenStreetMap extract: download .osm.pbf or .osm'],
];

function fileKind(head: Buffer): FileKind {
  if (head[0] === 0x1f && head[1] === 0x8b) {
    let unpacked: Buffer;
    try {
      unpacked = gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch {
      return { refuse: 'gzip-compressed, but the compression is broken' };
    }
    const inner = contentKind(unpacked);
    return 'refuse' in inner ? inner : { ...inner, compression: 'gzip' };
  }
  if (head.subarray(0, 3).toString('latin1') === 'BZh') return { read: 'xml', compression: 'bzip2' };
  return contentKind(head);
}

function contentKind(head: Buffer): FileKind {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  for (const [test, what] of REFUSED_KINDS) if (typeof test === 'function' ? test(head) : test.test(text)) return { refuse: what };
  return text.trimStart().startsWith('<') ? { read: 'xml' } : { read: 'pbf' };
}

/**
 * Reads an OpenStreetMap extract, XML (`.osm`, also gzip- or bzip2-compressed: `.osm.gz`,
 * `.osm.bz2`) or PBF (`.osm.pbf`), streaming: every node's coordinates, and the ways tagged
 * `highway`. The format is told by the file's first bytes, and a file of another kind (an archive,
 * a web page, a picture) is named as what it is.
 */
export async function readOsmRoads(path: string, onProgress?: Progress): Promise<OsmRoads> {
  const totalBytes = (await stat(path)).size;
  const roads: OsmRoads = { nodeIndex: new Map(), lat: [], lon: [], ways: [] };
  const kind = fileKind(await firstBytes(path, 4096));
  if ('refuse' in kind) throw new OsmFileError(`the file is ${kind.refuse}`);
  const { read, compression } = kind;
  async function* chunks(): AsyncGenerator<Buffer> {
    let bytesRead = 0;
    const file = createReadStream(path).on('data', (chunk) => {
      bytesRead += chunk.length;
      onProgress?.(bytesRead, totalBytes);
    });
    const source = compression === 'gzip' ? file.pipe(createGunzip()) : compression === 'bzip2' ? unbzip2(file) : file;
    // A broken compressed stream fails the data it gives, and says so.
    file.on('error', (error) => source.destroy(error));
    try {
      for await (const chunk of source) yield chunk as Buffer;
    } catch (error) {
      if (compression) throw new OsmFileError(`the ${compression} compression is broken: ${(error as Error).message ?? error}`);
      throw error;
    } finally {
      // A reader that stopped early (a broken file) leaves no file open.
      file.destroy();
    }
  }
  if (read === 'xml') await readXml(chunks(), roads);
  else await readPbf(chunks(), roads);
  return roads;
}

/** unbzip2-stream is an old-style stream: piped into a PassThrough, with its errors, it can be read with for-await. */
function unbzip2(file: NodeJS.ReadableStream): PassThrough {
  const out = new PassThrough();
  const decoder = bz2();
  decoder.on('error', (error: Error) => out.destroy(error));
  file.pipe(decoder).pipe(out);
  return out;
}

async function firstBytes(path: string, length: number): Promise<Buffer> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function addNode(roads: OsmRoads, id: number, lat: number, lon: number) {
  roads.nodeIndex.set(id, roads.lat.length);
  roads.lat.push(lat);
  roads.lon.push(lon);
}

async function readXml(source: AsyncIterable<Buffer>, roads: OsmRoads) {
  const parser = new SaxesParser();
  let way: OsmWay | undefined;
  let root: string | undefined;
  const fail = (message: string) => {
    throw new OsmFileError(`line ${parser.line}: ${message}`);
  };
  parser.on('opentag', (tag) => {
    const attribute = (name: string) => (typeof tag.attributes[name] === 'string' ? (tag.attributes[name] as string) : undefined);
    root ??= tag.name;
    if (root !== 'osm') fail(`the file is ${root}, not an OpenStreetMap extract (<osm>)`);
    if (tag.name === 'node') {
      const [id, lat, lon] = [Number(attribute('id')), Number(attribute('lat')), Number(attribute('lon'))];
      if (!Number.isSafeInteger(id)) fail('a node without a whole-number id');
      if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180) || attribute('lat') === undefined || attribute('lon') === undefined) fail(`node ${id} has no valid lat and lon`);
      addNode(roads, id, lat, lon);
    } else if (tag.name === 'way') {
      way = { nodes: [], highway: '' };
    } else if (tag.name === 'nd' && way) {
      const ref = Number(attribute('ref'));
      if (!Number.isSafeInteger(ref)) fail('a way refers to a node without a whole-number ref');
      way.nodes.push(ref);
    } else if (tag.name === 'tag' && way) {
      const [key, value] = [attribute('k'), attribute('v')];
      if (key === 'highway' && value) way.highway = value;
      if (key === 'maxspeed' && value) way.maxspeed = value;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name !== 'way' || !way) return;
    if (way.highway) roads.ways.push(way);
    way = undefined;
  });
  try {
    for await (const chunk of source) parser.write(chunk.toString('utf8'));
    parser.close();
  } catch (error) {
    if (error instanceof OsmFileError) throw error;
    throw new OsmFileError(`not readable as OpenStreetMap XML: ${(error as Error).message}`);
  }
  if (root === undefined) throw new OsmFileError('the file is empty');
}

interface PbfItem {
  type?: 'node' | 'way' | 'relation';
  id: number;
  lat?: number;
  lon?: number;
  refs?: number[];
  tags?: Record<string, string>;
}

async function readPbf(source: AsyncIterable<Buffer>, roads: OsmRoads) {
  let sawHeader = false;
  const transform = new OSMTransform({ withTags: { node: false, way: ['highway', 'maxspeed'], relation: false }, withInfo: false });
  try {
    await pipeline(source, transform, async (batches: AsyncIterable<PbfItem[]>) => {
      for await (const batch of batches) {
        for (const item of batch) {
          if (item.type === undefined) sawHeader = true;
          else if (item.type === 'node') addNode(roads, item.id, item.lat!, item.lon!);
          else if (item.type === 'way' && item.tags?.highway) roads.ways.push({ nodes: item.refs ?? [], highway: item.tags.highway, ...(item.tags.maxspeed ? { maxspeed: item.tags.maxspeed } : {}) });
        }
      }
    });
  } catch (error) {
    throw new OsmFileError(`not readable as OpenStreetMap PBF: ${(error as Error).message}`);
  }
  if (!sawHeader) throw new OsmFileError('not an OpenStreetMap file (neither XML nor PBF with an OSM header)');
}
