import { sql } from 'kysely';
import { createMemoryPGlite, openDatabase } from './src/server/db/database.js';
import { openMigratedDatabase } from './src/server/bootstrap.js';
import { seedDemo } from './src/features/demo/seed-demo.js';
import { writeBackup, restoreBackup } from './src/server/db/backup.js';
const db = await openMigratedDatabase({ kind: 'pglite', pglite: await createMemoryPGlite() });
await seedDemo(db);
let t = performance.now();
const counts = await writeBackup(db, '/tmp/b.jsonl.gz');
console.log('backup', (performance.now()-t).toFixed(0), JSON.stringify(counts).slice(0, 300));
const target = await openDatabase({ kind: 'pglite', pglite: await createMemoryPGlite() });
t = performance.now();
const r = await restoreBackup(target, '/tmp/b.jsonl.gz');
console.log('restore', (performance.now()-t).toFixed(0));
const sum = async (d: any, table: string) => (await sql<{ s: string }>`select count(*) || ':' || coalesce(md5(string_agg(to_jsonb(t)::text, ',' order by to_jsonb(t)::text)), '') as s from ${sql.table(table)} t`.execute(d)).rows[0]!.s;
for (const table of Object.keys(counts)) { const a = await sum(db, table), b = await sum(target, table); if (a !== b) console.log('DIFF', table, a, b); }
console.log('compared', Object.keys(counts).length);
await db.destroy(); await target.destroy();
