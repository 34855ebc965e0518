import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The job ids this printer has printed, newest last, kept in memory and in a small JSON file under the
 * host's data dir. The hub resends a job whose reply it never got (lost on the network, or the hub
 * restarted); finding the id here turns that resend into an ok without printing the receipt again, even
 * after the driver host itself restarted.
 */
export class PrintedJobs {
  private readonly ids: string[] = [];
  private readonly set = new Set<string>();

  constructor(
    private readonly file: string | null,
    private readonly capacity = 500,
  ) {
    if (!file) return;
    try {
      const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (Array.isArray(stored)) {
        for (const id of stored) if (typeof id === 'string') this.remember(id, false);
      }
    } catch {
      // No file yet, or a torn one from a power cut: start empty rather than refuse to print.
    }
  }

  has(jobId: string): boolean {
    return this.set.has(jobId);
  }

  /** Records a printed job; written to disk before the reply goes out. */
  add(jobId: string): void {
    this.remember(jobId, true);
  }

  private remember(jobId: string, persist: boolean): void {
    if (this.set.has(jobId)) return;
    this.ids.push(jobId);
    this.set.add(jobId);
    while (this.ids.length > this.capacity) {
      const dropped = this.ids.shift();
      if (dropped !== undefined) this.set.delete(dropped);
    }
    if (persist && this.file) {
      // Write then rename: a crash mid-write leaves the previous complete list, never half of one.
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.ids));
      renameSync(tmp, this.file);
    }
  }
}
