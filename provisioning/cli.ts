// The technician's device CLI: `npm run devices -- <command>` (see USAGE in cli-run.ts). It talks to the
// hub's HTTP API only, so everything it does is permission-checked and audited like the admin pages.
import { runCli } from './cli-run.js';

const code = await runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
