import { spawn, spawnSync } from 'node:child_process';

/**
 * A pair of connected pseudo-terminals made by socat: a driver opens one end as its "serial port", a
 * simulator opens the other. Real ptys (not in-memory streams) so the serialport binding, termios and
 * framing across read() boundaries are exercised as on a lane PC.
 */
export interface PtyPair {
  /** The end a driver opens. */
  devicePath: string;
  /** The end the simulator opens. */
  simPath: string;
  close(): Promise<void>;
}

export class SocatMissingError extends Error {
  constructor() {
    super('socat is not installed: serial simulators need it for pseudo-terminals (apt-get install socat)');
    this.name = 'SocatMissingError';
  }
}

export function socatAvailable(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

export async function openPtyPair(timeoutMs = 5000): Promise<PtyPair> {
  if (!socatAvailable()) throw new SocatMissingError();
  const child = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const paths = await new Promise<string[]>((resolve, reject) => {
    let stderr = '';
    const found: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`socat did not report two ptys within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr += text;
      // socat -d -d logs "N PTY is /dev/pts/7" once per side, then "starting data transfer loop".
      for (const match of text.matchAll(/PTY is (\S+)/g)) if (match[1]) found.push(match[1]);
      if (found.length >= 2 && /starting data transfer loop/.test(stderr)) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited (${String(code)}) before the ptys were ready: ${stderr}`));
    });
  });
  child.stderr.resume();
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    devicePath: paths[0] ?? '',
    simPath: paths[1] ?? '',
    close: async () => {
      if (exited) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
