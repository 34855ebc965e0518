import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Builds the web apps (web-ui -> web-ui/dist) when the build is missing or older than its sources, so
 * `npm install` and `npm start` leave a working /till with no extra step. Runs as postinstall and
 * prestart; an up-to-date build costs one directory walk.
 */
const ROOT = resolve(import.meta.dirname, '..');
export const STAMP = '.built';

// Folders under web-ui that are not sources of the build.
const SKIP = new Set(['dist', 'node_modules', 'xliff']);

/** Newest modification time (ms) of any file below `dir`, skipping build output. */
export function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/**
 * The lock file by content, not by time: npm rewrites package-lock.json on every install even when
 * nothing changed, and a rebuild on each install would waste the user's time.
 */
export function lockHash(root: string): string {
  const lock = join(root, 'package-lock.json');
  return existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : 'none';
}

/** The stamp written after a good build: the lock file it was built with. */
export function stampText(root: string): string {
  return `${JSON.stringify({ builtAt: new Date().toISOString(), lock: lockHash(root) })}\n`;
}

/** Why a build is needed, or null when web-ui/dist is newer than every source and has the same lock. */
export function staleReason(root: string): string | null {
  const stamp = join(root, 'web-ui', 'dist', STAMP);
  if (!existsSync(stamp)) return 'no build yet';
  if (newestSource(join(root, 'web-ui')) > statSync(stamp).mtimeMs) return 'web-ui sources changed';
  let built: unknown;
  try {
    built = JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    return 'unreadable build stamp';
  }
  const lock = typeof built === 'object' && built !== null && 'lock' in built ? built.lock : null;
  if (lock !== lockHash(root)) return 'dependencies changed';
  return null;
}

function main(): void {
  // --force: `npm run build:web` rebuilds even when the build looks current.
  const reason = process.argv.includes('--force') ? 'asked for' : staleReason(ROOT);
  if (reason === null) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    // An install without dev dependencies cannot build; the hub then serves a page that says so.
    console.warn('web-ui: not built (vite is not installed; run `npm install` with dev dependencies).');
    return;
  }
  console.log(`web-ui: building the web apps (${reason})...`);
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(ROOT, 'web-ui', 'tooling', 'vite.config.ts'), '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error(
      'web-ui: the build failed; see the messages above. The hub still starts, without its pages.',
    );
    process.exitCode = 1;
    return;
  }
  writeFileSync(join(ROOT, 'web-ui', 'dist', STAMP), stampText(ROOT));
  console.log('web-ui: built into web-ui/dist');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
