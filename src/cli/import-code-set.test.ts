import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.js';
import { openDemoDatabase, type TestDatabase } from '../../test/databases.js';

/** A code set as Koodisto exports it, in the national file's shape. */
const koodistoFile = (elements: [code: string, fi: string, sv: string, en: string][]) =>
  JSON.stringify(
    elements.map(([code, fi, sv, en]) => ({
      metadata: [
        { kieli: 'FI', kuvaus: '', lyhytNimi: '', nimi: `${fi} ` },
        { kieli: 'SV', kuvaus: '', lyhytNimi: '', nimi: sv },
        { kieli: 'EN', kuvaus: null, nimi: en },
      ],
      withinCodeElements: [],
      includesCodeElements: [],
      levelsWithCodeElements: [],
      koodiUri: `moduulikoodistolops2021_${code.toLowerCase()}`,
      versio: 2,
      koodiArvo: code,
    })),
    null,
    2,
  );

// On PostgreSQL, so that the CLI runs in its own process beside the test's connection.
describe('tarjotin import code-set', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    database = await openDemoDatabase('postgres');
    dir = mkdtempSync(join(tmpdir(), 'tarjotin-code-set-'));
    env = { DATABASE_URL: database.url!, DATA_DIR: join(dir, 'unused') };
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const lappiCourses = () =>
    database.db
      .selectFrom('course')
      .innerJoin('region', 'region.id', 'course.region_id')
      .select(['course.code', 'course.name_fi', 'course.name_source', 'course.code_uri'])
      .where('region.code', '=', 'lappi')
      .orderBy('course.code')
      .execute();

  it('imports a newer copy of the set: a renamed module takes the new name, a new module is added', async () => {
    const file = join(dir, 'moduulikoodistolops2021.json');
    writeFileSync(file, koodistoFile([
      ['MAA3', 'Geometria ja mittaaminen', 'Geometri och mätning', 'Geometry and measurement'],
      ['MAA7', 'Integraalilaskenta', 'Integralkalkyl', 'Integral calculus'],
      ['MAA4', 'Analyyttinen geometria ja vektorit', 'Analytisk geometri och vektorer', 'Analytical geometry and vectors'],
    ]));
    const result = await runCli(['import', 'code-set', file, '--set', 'moduulikoodistolops2021', '--region', 'lappi'], env);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('Courses of Lappi from moduulikoodistolops2021: 1 created, 1 updated, 1 unchanged.');
    const courses = await lappiCourses();
    expect(courses.find((c) => c.code === 'MAA3')).toMatchObject({ name_fi: 'Geometria ja mittaaminen', name_source: 'national' });
    expect(courses.find((c) => c.code === 'MAA7')).toMatchObject({ name_fi: 'Integraalilaskenta', code_uri: 'moduulikoodistolops2021_maa7' });
  });

  it('refuses a file that is not a code set and an unknown set, each in one line, changing nothing', async () => {
    const before = await lappiCourses();
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify([{ koodiArvo: 'MAA9', metadata: [{ kieli: 'FI', nimi: 'Integraalilaskenta' }] }]));
    const broken = await runCli(['import', 'code-set', file, '--set', 'moduulikoodistolops2021', '--region', 'lappi'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split('\n')).toEqual([expect.stringMatching(/broken\.json: code element 1: koodiUri:/)]);
    const unknownSet = await runCli(['import', 'code-set', '--set', 'tutkinnot', '--region', 'lappi'], env);
    expect(unknownSet.code).toBe(1);
    expect(unknownSet.stderr.trim().split('\n')).toEqual([expect.stringMatching(/Allowed choices are moduulikoodistolops2021/)]);
    expect(await lappiCourses()).toEqual(before);
  });

  it('imports qualification units from a provider\'s CSV with their osp; the unit set needs a file, and a bad row is named', async () => {
    const file = join(dir, 'tutkinnon-osat.csv');
    writeFileSync(file, Buffer.from('Koodi;Nimi;Osp;Koulutusala\r\ntutkinnonosat_105950;Manuaalikoneistus;15;07\r\n', 'latin1'));
    const result = await runCli(['import', 'code-set', file, '--set', 'tutkinnonosat', '--region', 'lappi', '--qualification', 'Kone- ja tuotantotekniikan perustutkinto'], env);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('Courses of Lappi from tutkinnonosat: 1 created, 0 updated, 0 unchanged.');
    expect((await lappiCourses()).find((c) => c.code === '105950')).toEqual({ code: '105950', name_fi: 'Manuaalikoneistus', name_source: 'national', code_uri: 'tutkinnonosat_105950' });

    const before = await lappiCourses();
    const noFile = await runCli(['import', 'code-set', '--set', 'tutkinnonosat', '--region', 'lappi'], env);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr.trim().split('\n')).toEqual([expect.stringMatching(/tutkinnonosat ships with no copy: give the file/)]);
    writeFileSync(file, 'koodi;nimi;osp\n106101;Sähköasennukset;neljäkymmentä\n');
    const badRow = await runCli(['import', 'code-set', file, '--set', 'tutkinnonosat', '--region', 'lappi'], env);
    expect(badRow.code).toBe(1);
    expect(badRow.stderr.trim().split('\n')).toEqual(['1 problem in the file; no unit was imported', expect.stringMatching(/^ {2}row 2, credits: "neljäkymmentä" is not a scope in osp/)]);
    expect(await lappiCourses()).toEqual(before);
  });
});
