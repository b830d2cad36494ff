import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../test/cli-process.js';
import { openDemoDatabase, type TestDatabase } from '../../test/databases.js';
import { PELLO, pxwebCsv11re } from '../../test/statistics-files.js';

/** Refused in one line that says what is wrong, with a non-zero exit and no stack trace. */
function expectOneLineRefusal(result: CliResult, message: RegExp) {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

// On PostgreSQL, so that every command runs in its own process without an embedded database to create.
describe('the CLI with files a planner downloads, and mistakes', () => {
  let database: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    database = await openDemoDatabase('postgres');
    dir = mkdtempSync(join(tmpdir(), 'tarjotin-cli-input-'));
    env = { DATABASE_URL: database.url!, DATA_DIR: join(dir, 'unused') };
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.close();
  });

  it('imports a PxWeb download of table 11re in ISO-8859-1 and says how it read it', async () => {
    const file = join(dir, '001_11re_2024.csv');
    writeFileSync(file, pxwebCsv11re({ separator: ';', areas: [PELLO], years: [2024] }));
    const result = await runCli(['import', 'population', file], env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Imported 22 population figures (skipped 102 for the whole country or regions), read as windows-1252.');
    expect(result.stdout).toContain('- Ages over 19 are kept as one band');
  });

  it('refuses a population file of the whole country, a missing file and a picture, each in a line', async () => {
    const country = join(dir, 'koko-maa.csv');
    writeFileSync(country, pxwebCsv11re({ separator: ';', areas: [], years: [2024] }));
    expectOneLineRefusal(await runCli(['import', 'population', country], env), /only for the whole country or regions/);
    expectOneLineRefusal(await runCli(['import', 'population', join(dir, 'nothing.csv')], env), /nothing\.csv: no such file/);
    const picture = join(dir, 'kuva.png');
    writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expectOneLineRefusal(await runCli(['import', 'population', picture], env), /kuva\.png: /);
  });

  it('refuses a road file that is not one, and a bad option value, each in a line', async () => {
    const notRoads = join(dir, 'tiet.osm.pbf');
    writeFileSync(notRoads, 'tämä ei ole tieverkko\n');
    expectOneLineRefusal(await runCli(['import', 'roads', notRoads, '--region', 'lappi'], env), /tiet\.osm\.pbf: /);
    expectOneLineRefusal(await runCli(['export', 'offerings', '--separator', 'pipe', '--out', join(dir, 'x.csv')], env), /--separator is semicolon or comma/);
    expectOneLineRefusal(await runCli(['export', 'offerings', '--out', join(dir, 'no-such-dir', 'x.csv')], env), /x\.csv: cannot be written/);
  });
});
