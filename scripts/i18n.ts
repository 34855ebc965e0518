import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * `npm run i18n:extract` / `npm run i18n:build` for every message catalogue of the web apps: the till's
 * (till, customer display and shared parts: web-ui/lit-localize.json) and one per admin area
 * (web-ui/admin/i18n/<area>.json). Extract updates each XLIFF file from the msg() calls (translators
 * fill the new <target>s); build regenerates the runtime modules and formats them.
 */
const ROOT = join(import.meta.dirname, '..');
const WEB = join(ROOT, 'web-ui');
const ADMIN_I18N = join(WEB, 'admin', 'i18n');

function catalogueConfigs(): string[] {
  const admin = readdirSync(ADMIN_I18N)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(ADMIN_I18N, f));
  return [join(WEB, 'lit-localize.json'), ...admin];
}

function run(command: 'extract' | 'build'): void {
  const cli = join(ROOT, 'node_modules', '.bin', 'lit-localize');
  for (const config of catalogueConfigs()) {
    console.log(`i18n: ${command} ${relative(ROOT, config)}`);
    // Paths in a config are relative to its folder; lit-localize resolves some of them from the cwd.
    execFileSync(cli, [`--config=${config}`, command], { cwd: dirname(config), stdio: 'inherit' });
  }
  if (command === 'build') {
    const prettier = join(ROOT, 'node_modules', '.bin', 'prettier');
    execFileSync(
      prettier,
      ['--write', 'web-ui/shared/i18n/generated', 'web-ui/admin/i18n/generated', '--log-level', 'warn'],
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
}

const command = process.argv[2];
if (command !== 'extract' && command !== 'build') {
  console.error('usage: node --import tsx scripts/i18n.ts extract|build');
  process.exit(2);
}
run(command);
