import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/hub-context.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** `npm run verify-journal -- <db>` is this command. */
function verify(dbPath: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-journal.ts', dbPath], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('npm run verify-journal', () => {
  let ctx: TestContext;
  let dbPath: string;

  beforeEach(() => {
    ctx = createTestContext();
    dbPath = join(ctx.dir, 'hub.db');
    for (let i = 1; i <= 3; i++) {
      ctx.tx.write((tx) => tx.journal('sale.completed', `sale-${i}`, { totalMinor: 500 * i }));
    }
  });
  afterEach(() => {
    ctx.close();
  });

  it('says "Journal OK" and exits 0 on an intact journal, while the hub has the database open', () => {
    const { code, out } = verify(dbPath);
    expect(out).toMatch(/Journal OK: 3 entries, last hash [0-9a-f]{64}/);
    expect(code).toBe(0);
  });

  it('exits 1 naming the entry that was tampered with', () => {
    ctx.db.prepare('UPDATE journal SET payload = \'{"totalMinor":1}\' WHERE seq = 2').run();
    const { code, out } = verify(dbPath);
    expect(out).toMatch(/Journal BROKEN at entry 2/);
    expect(code).toBe(1);
  });

  it('exits 2 when there is no database at the path', () => {
    const missing = join(ctx.dir, 'nope', 'hub.db');
    const { code, out } = verify(missing);
    expect(out).toContain(`No hub database at ${missing}`);
    expect(code).toBe(2);
  });
});
