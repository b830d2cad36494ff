import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
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

/**
 * Reads an OpenStreetMap extract, XML (`.osm`) or PBF (`.osm.pbf`), streaming: every node's
 * coordinates, and the ways tagged `highway`. The format is told by the file's first byte.
 */
export async function readOsmRoads(path: string, onProgress?: Progress): Promise<OsmRoads> {
  const totalBytes = (await stat(path)).size;
  const roads: OsmRoads = { nodeIndex: new Map(), lat: [], lon: [], ways: [] };
  const isXml = await startsWithXml(path);
  async function* chunks(): AsyncGenerator<Buffer> {
    let bytesRead = 0;
    for await (const chunk of createReadStream(path)) {
      bytesRead += (chunk as Buffer).length;
      onProgress?.(bytesRead, totalBytes);
      yield chunk as Buffer;
    }
  }
  if (isXml) await readXml(chunks(), roads);
  else await readPbf(chunks(), roads);
  return roads;
}

async function startsWithXml(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('<');
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
