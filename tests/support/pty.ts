import { openPtyPair, socatAvailable, type PtyPair } from '../../devices/sim/pty.js';

/**
 * Pseudo-terminal pairs for serial tests, closed after each file. A missing socat fails loudly: a serial
 * suite that silently skipped would look green on a machine that never tested the drivers.
 */
export function requireSocat(): void {
  if (!socatAvailable()) {
    throw new Error('socat is required for the serial device tests (apt-get install socat); not skipping');
  }
}

export function ptyPool(): { open(): Promise<PtyPair>; closeAll(): Promise<void> } {
  const pairs: PtyPair[] = [];
  return {
    async open() {
      requireSocat();
      const pair = await openPtyPair();
      pairs.push(pair);
      return pair;
    },
    async closeAll() {
      await Promise.all(pairs.splice(0).map((p) => p.close()));
    },
  };
}
