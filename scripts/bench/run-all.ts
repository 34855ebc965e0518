// `npm run bench`: every benchmark in turn, each in its own process (so one's memory and open files do
// not colour the next one's figures), with the same environment (BENCH_* sizes pass through).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { elapsedMs } from './stats.js';

const BENCHES = [
  'sale-completion.ts',
  'hub-memory.ts',
  'catalog-lookup.ts',
  'catalog-import.ts',
  'broker.ts',
  'device-latency.ts',
  'till-js-size.ts',
  'till-page.ts',
  'reports.ts',
];
const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const failed: string[] = [];
for (const bench of BENCHES) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [TSX, join(import.meta.dirname, bench)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const status = result.status ?? result.signal ?? 'no status';
  process.stdout.write(
    `--- ${bench}: ${status === 0 ? 'done' : `failed (${String(status)})`} in ${(elapsedMs(start) / 1000).toFixed(0)} s\n`,
  );
  if (status !== 0) failed.push(bench);
}
if (failed.length > 0) {
  process.stderr.write(`benchmarks that failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
