import { PGlite } from '@electric-sql/pglite';
import { migratePglite } from '/work/main/lib/db/migrate.ts';
let t = Date.now();
const a = new PGlite(); await a.waitReady; console.log('init', Date.now() - t); t = Date.now();
await migratePglite(a); console.log('migrate', Date.now() - t); t = Date.now();
const dump = await a.dumpDataDir('none'); console.log('dump', Date.now() - t, dump.size); t = Date.now();
const b = new PGlite({ loadDataDir: dump }); await b.waitReady; console.log('load', Date.now() - t); t = Date.now();
console.log((await b.query('select count(*) from users')).rows);
