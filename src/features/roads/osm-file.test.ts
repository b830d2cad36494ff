import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOsmPbf, writeOsmXml, type OsmExtract } from '../../../test/osm-extract.js';
import { OsmFileError, readOsmRoads } from './osm-file.js';

const dir = mkdtempSync(join(tmpdir(), 'tarjotin-osm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const extract: OsmExtract = {
  nodes: [
    { id: 101, lat: 66.8, lon: 23.99 },
    { id: 102, lat: 66.81, lon: 24.0 },
    { id: 5_000_000_001, lat: 66.82, lon: 24.01 },
  ],
  ways: [
    { id: 1, nodes: [101, 102, 5_000_000_001], tags: { highway: 'primary', maxspeed: '80', name: 'Pellontie & co' } },
    { id: 2, nodes: [102, 101], tags: { building: 'yes' } },
    { id: 3, nodes: [101, 5_000_000_001], tags: { highway: 'footway' } },
  ],
};

describe('reading OpenStreetMap extracts', () => {
  it.each(['xml', 'pbf'] as const)('reads nodes and highway ways from %s, with progress', async (format) => {
    const path = join(dir, `roads.osm${format === 'pbf' ? '.pbf' : ''}`);
    (format === 'xml' ? writeOsmXml : writeOsmPbf)(path, extract);
    const progress: number[] = [];
    const roads = await readOsmRoads(path, (done, total) => progress.push(done / total));
    expect([...roads.nodeIndex.keys()]).toEqual([101, 102, 5_000_000_001]);
    const at = roads.nodeIndex.get(5_000_000_001)!;
    expect(roads.lat[at]).toBeCloseTo(66.82, 6);
    expect(roads.lon[at]).toBeCloseTo(24.01, 6);
    expect(roads.ways).toEqual([
      { nodes: [101, 102, 5_000_000_001], highway: 'primary', maxspeed: '80' },
      { nodes: [101, 5_000_000_001], highway: 'footway' },
    ]);
    expect(progress.at(-1)).toBe(1);
  });

  it('says what is wrong with a file that is not an extract', async () => {
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    await expect(readOsmRoads(write('feed.xml', '<rss><channel/></rss>'))).rejects.toThrow(/line 1: the file is rss, not an OpenStreetMap extract/);
    await expect(readOsmRoads(write('bad-node.osm', '<osm>\n<node id="1" lat="95" lon="24"/></osm>'))).rejects.toThrow(/line 2: node 1 has no valid lat and lon/);
    await expect(readOsmRoads(write('broken.osm', '<osm><node id="1" lat="66" lon="24"></osm>'))).rejects.toThrow(OsmFileError);
    await expect(readOsmRoads(write('empty.osm', ''))).rejects.toThrow(OsmFileError);
    await expect(readOsmRoads(write('noise.osm.pbf', Buffer.from('\u0000\u0000\u0000\u0004abcdnot a pbf at all')))).rejects.toThrow(OsmFileError);
  });
});
