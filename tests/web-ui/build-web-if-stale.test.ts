import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAMP, staleReason, stampText } from '../../scripts/build-web-if-stale.js';

describe('building the web apps only when they are stale', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function checkout() {
    const root = mkdtempSync(join(tmpdir(), 'web-stale-'));
    dirs.push(root);
    mkdirSync(join(root, 'web-ui', 'till'), { recursive: true });
    mkdirSync(join(root, 'web-ui', 'dist'), { recursive: true });
    const source = join(root, 'web-ui', 'till', 'main.ts');
    writeFileSync(source, '');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const at = (path: string, seconds: number) => {
      utimesSync(path, seconds, seconds);
    };
    return { root, source, stamp: join(root, 'web-ui', 'dist', STAMP), at };
  }

  it('builds when there is no build', () => {
    const { root } = checkout();
    expect(staleReason(root)).toBe('no build yet');
  });

  it('skips when the build is newer than every source, even if npm rewrote the same lock file', () => {
    const { root, source, stamp, at } = checkout();
    writeFileSync(stamp, stampText(root));
    at(source, 1000);
    at(stamp, 2000);
    at(join(root, 'package-lock.json'), 3000);
    expect(staleReason(root)).toBeNull();
  });

  it('rebuilds after a source or the dependencies change, but not for files in dist', () => {
    const { root, source, stamp, at } = checkout();
    writeFileSync(stamp, stampText(root));
    at(stamp, 2000);
    at(source, 3000);
    expect(staleReason(root)).toBe('web-ui sources changed');
    at(source, 1000);
    writeFileSync(join(root, 'web-ui', 'dist', 'late.js'), '');
    expect(staleReason(root)).toBeNull();
    writeFileSync(join(root, 'package-lock.json'), '{"changed":true}');
    expect(staleReason(root)).toBe('dependencies changed');
  });
});
