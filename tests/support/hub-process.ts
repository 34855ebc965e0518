import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface HubProcess {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A free loopback port: bind to 0, read it, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * Starts the real hub (`tsx hub/main.ts`) as a child process on free ports and waits until /health
 * answers. Tests use it where a real process matters: SIGKILL, cold start, the demo.
 */
export async function startHubProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<HubProcess> {
  const port = env.HUB_HTTP_PORT ? Number(env.HUB_HTTP_PORT) : await freePort();
  const mqttPort = env.HUB_MQTT_PORT ? Number(env.HUB_MQTT_PORT) : await freePort();
  // node --import tsx runs the hub in this very process; the tsx CLI would fork a child that a SIGKILL
  // of the parent leaves running.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'hub', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HUB_HTTP_PORT: String(port),
      HUB_MQTT_PORT: String(mqttPort),
      HUB_HTTP_HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`hub did not become healthy in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    baseUrl,
    port,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
