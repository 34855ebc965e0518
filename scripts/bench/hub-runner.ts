// The real hub process for benchmarks: started with the test harness (tsx hub/main.ts on free loopback
// ports, HUB_DEMO=0 on a prepared data dir), its resident memory read from /proc, and its cold start timed
// from spawn to the first successful /api/v1/health.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startHubProcess, type HubProcess } from '../../tests/support/hub-process.js';
import { elapsedMs } from './stats.js';

const ROOT = join(import.meta.dirname, '..', '..');

function hubEnv(dataDir: string): Record<string, string> {
  return { HUB_DEMO: '0', HUB_DATA_DIR: dataDir, HUB_LOG_LEVEL: 'warn' };
}

/** Starts the hub on `dataDir` and waits until it is healthy. */
export function startBenchHub(dataDir: string): Promise<HubProcess> {
  return startHubProcess(hubEnv(dataDir), 120_000);
}

/** VmRSS of a process in KiB, or null when it is gone. */
export function rssKiB(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    // The command name is in parentheses and may hold spaces; the fields after it are fixed.
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(after[1]);
  } catch {
    return null;
  }
}

/** Every process below `root`, with its command line. */
export function descendants(root: number): { pid: number; cmd: string }[] {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const found: { pid: number; cmd: string }[] = [];
  const parents = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const pid of pids) {
      const parent = parentOf(pid);
      if (parent !== null && parents.has(parent) && !parents.has(pid)) {
        parents.add(pid);
        let cmd = '';
        try {
          cmd = readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8')
            .replaceAll('\0', ' ')
            .trim();
        } catch {
          // exited meanwhile
        }
        found.push({ pid, cmd });
        grew = true;
      }
    }
  }
  return found;
}

export interface HubMemory {
  /** The node process that runs hub/main.ts: the largest one in the tree whose command line names it. */
  hubKiB: number;
  /** Every process of the tree: with tsx's cli that is a wrapper, esbuild and the hub itself. */
  treeKiB: number;
  processes: number;
}

// `tsx hub/main.ts` is one process or three: its cli usually spawns node with its loader (and an esbuild
// service) and waits, but started from a process that already runs under tsx (npm run bench), the hub
// runs in the cli's own process. The hub figure is the same process either way.
export function hubMemory(hub: HubProcess): HubMemory {
  const wrapper = hub.child.pid;
  if (wrapper === undefined) throw new Error('the hub process has no pid');
  const tree = [{ pid: wrapper, cmd: 'hub/main.ts' }, ...descendants(wrapper)].map((p) => ({
    ...p,
    kib: rssKiB(p.pid) ?? 0,
  }));
  const hubKiB = Math.max(0, ...tree.filter((p) => p.cmd.includes('hub/main.ts')).map((p) => p.kib));
  const treeKiB = tree.reduce((sum, p) => sum + p.kib, 0);
  return { hubKiB, treeKiB, processes: tree.length };
}

export function formatMiB(kib: number): string {
  return `${(kib / 1024).toFixed(1)} MiB`;
}

/**
 * Spawn to first 200 from /api/v1/health, polling every 5 ms (the test harness polls every 100 ms, too
 * coarse for this figure). The same command line as the harness. Stops the hub before returning.
 */
export async function coldStartMs(dataDir: string, timeoutMs = 120_000): Promise<number> {
  const port = await freePort();
  const mqttPort = await freePort();
  const start = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'hub', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...hubEnv(dataDir),
        HUB_HTTP_PORT: String(port),
        HUB_MQTT_PORT: String(mqttPort),
        HUB_HTTP_HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`hub exited with ${String(child.exitCode)}: ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${String(port)}/api/v1/health`);
        if (response.ok) return elapsedMs(start);
      } catch {
        // not listening yet
      }
      if (elapsedMs(start) > timeoutMs)
        throw new Error(`hub not healthy in ${String(timeoutMs)} ms: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  }
}
