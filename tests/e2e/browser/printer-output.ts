import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every text the demo's printer simulator wrote under the hub's data dir (one .txt per cut), oldest first. */
export function printedTexts(dataDir: string): string[] {
  const sim = join(dataDir, 'printer-sim');
  let names: string[];
  try {
    names = readdirSync(sim).filter((f) => f.endsWith('.txt'));
  } catch {
    return [];
  }
  return names.sort().map((f) => readFileSync(join(sim, f), 'utf8'));
}
