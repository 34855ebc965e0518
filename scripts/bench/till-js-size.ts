// The till's JavaScript as a browser downloads it, gzipped: what /till/ loads before it can draw
// (index.html's module script and its modulepreloads) and what it loads later on demand (the MQTT client,
// each language's strings), from the production build in web-ui/dist. Figures only.
//
//   npx tsx scripts/bench/till-js-size.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild } from '../../tests/e2e/browser/web-front.js';
import { printHeader, runMain } from './env.js';
import { printFigure } from './stats.js';

const DIST = join(import.meta.dirname, '..', '..', 'web-ui', 'dist');

function asset(name: string): string {
  return readFileSync(join(DIST, 'assets', name), 'utf8');
}

/** Names of the chunks a chunk refers to ("./mqtt.esm-XXXX.js"), static or dynamic. */
function referencedChunks(code: string): string[] {
  return [...code.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].flatMap((m) =>
    m[1] === undefined ? [] : [m[1]],
  );
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function main(): Promise<void> {
  printHeader('till JavaScript size (production build, gzip -9)', { dist: DIST });
  ensureWebBuild();
  const html = readFileSync(join(DIST, 'till', 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].flatMap((m) =>
    m[1] === undefined ? [] : [m[1]],
  );
  // Everything reachable from the initial chunks that the page does not load up front.
  const seen = new Set(initial);
  const queue = [...initial];
  const lazy: string[] = [];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    for (const ref of referencedChunks(asset(name))) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      lazy.push(ref);
      queue.push(ref);
    }
  }
  const size = (names: readonly string[]) => {
    let raw = 0;
    let gz = 0;
    for (const name of names) {
      const code = asset(name);
      raw += Buffer.byteLength(code);
      gz += gzipSync(code, { level: 9 }).length;
    }
    return { raw, gz };
  };
  const first = size(initial);
  printFigure(`initial (${initial.join(', ')})`, `${kib(first.gz)} gzipped (${kib(first.raw)} raw)`);
  for (const name of lazy) {
    const one = size([name]);
    printFigure(`  lazy ${name}`, `${kib(one.gz)} gzipped (${kib(one.raw)} raw)`);
  }
  const later = size(lazy);
  printFigure('lazy chunks, all', `${kib(later.gz)} gzipped (${kib(later.raw)} raw)`);
  return Promise.resolve();
}

runMain(main);
