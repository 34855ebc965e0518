// Verifies the fiscal journal's hash chain in the hub database (read-only; safe while the hub runs).
// Usage: npm run verify-journal [-- path/to/hub.db]   (default: $HUB_DATA_DIR/hub.db or ./data/hub.db)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../hub/db/connection.js';
import { verifyJournal } from '../hub/db/journal.js';

const path = resolve(process.argv[2] ?? resolve(process.env.HUB_DATA_DIR ?? './data', 'hub.db'));
if (!existsSync(path)) {
  process.stderr.write(`No hub database at ${path}\n`);
  process.exit(2);
}
const db = openDatabase(path, { readonly: true });
const verdict = verifyJournal(db);
db.close();
if (verdict.ok) {
  process.stdout.write(`Journal OK: ${verdict.entries} entries, last hash ${verdict.lastHash}\n`);
} else {
  process.stdout.write(
    `Journal BROKEN at entry ${verdict.brokenAtSeq}: ${verdict.reason} (${verdict.entries} entries verified before it)\n`,
  );
  process.exit(1);
}
