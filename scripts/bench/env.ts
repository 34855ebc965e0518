// Parameters from the environment and the machine facts every benchmark prints first, so a figure is
// never read without knowing what it was measured with.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A positive integer from the environment, or the default. Underscores are allowed (1_000_000). */
export function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** Prints the title, machine facts and the parameters of one benchmark. */
export function printHeader(title: string, params: Record<string, string | number>): void {
  const cpuList = cpus();
  const lines = [
    '',
    `=== ${title} ===`,
    `date        ${new Date().toISOString()}`,
    `machine     ${String(cpuList.length)} x ${cpuList[0]?.model.trim() ?? 'unknown cpu'}, ${gib(totalmem())} GiB RAM (${gib(freemem())} free), ${process.platform}/${process.arch}`,
    `node        ${process.version}`,
    `data under  ${benchRoot()}`,
    ...Object.entries(params).map(([k, v]) => `${k.padEnd(11)} ${String(v)}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function gib(bytes: number): string {
  return (bytes / 2 ** 30).toFixed(1);
}

/** Where benchmark data dirs go: BENCH_DIR, else the OS temp dir. */
export function benchRoot(): string {
  return resolve(process.env.BENCH_DIR ?? tmpdir());
}

/** A fresh data dir for one benchmark, removed by the returned cleanup (also on Ctrl-C). */
export function makeBenchDir(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(benchRoot(), `bench-${name}-`));
  let done = false;
  const cleanup = () => {
    if (done) return;
    done = true;
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  return { dir, cleanup };
}

/** A message for the console from anything thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Runs a benchmark's main, printing the failure and setting the exit code instead of an unhandled rejection. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`benchmark failed: ${describeError(error)}\n`);
    process.exitCode = 1;
  });
}
