/** Latency figures from a list of samples in milliseconds. */
export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  };
}

export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

export function printSummary(label: string, s: Summary): void {
  process.stdout.write(
    `${label.padEnd(44)} n=${String(s.count).padStart(6)}  p50 ${formatMs(s.p50).padStart(10)}  p95 ${formatMs(s.p95).padStart(10)}  p99 ${formatMs(s.p99).padStart(10)}  max ${formatMs(s.max).padStart(10)}\n`,
  );
}

export function printFigure(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(44)} ${value}\n`);
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
