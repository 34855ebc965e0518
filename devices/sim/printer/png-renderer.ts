import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReceiptImageSource } from './render-png.js';

/** A receipt to render to path (the worker writes the file). */
export interface PngJob {
  id: number;
  path: string;
  receipt: ReceiptImageSource;
  columns: number;
}

export type PngResult = { id: number; ok: true; ms: number } | { id: number; ok: false; error: string };

/**
 * tsx's ESM API (its tsImport), resolved from here rather than from the working directory, which may be
 * anywhere: the file its package.json exports for import. (Its CommonJS build resolves its own ESM half
 * wrongly from an eval'd worker.)
 */
function tsxEsmApi(): string {
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } } | string>;
  };
  const entry = exports['./esm/api'];
  const file = typeof entry === 'object' ? entry.import?.default : undefined;
  if (!file) throw new Error(`no ESM entry for tsx/esm/api in ${packageJson}`);
  return pathToFileURL(join(dirname(packageJson), file)).href;
}

/**
 * The worker. Compiled to .js it is just png-worker.js. Under tsx (development, tests, the demo hub) this
 * module and the worker are .ts files, and a worker thread does not get tsx's loader from the parent:
 * neither inherited hooks nor execArgv ['--import', 'tsx'] make node 20 load a .ts worker ("Unknown file
 * extension"). So the worker is a one-line script that imports png-worker.ts through tsx's own API.
 */
function startPngWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./png-worker.js', import.meta.url));
  const worker = new URL('./png-worker.ts', import.meta.url).href;
  const source = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => tsx.tsImport(${JSON.stringify(worker)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(source, { eval: true });
}

/**
 * The printer simulator's PNG renderer: one long-lived worker thread (started at the first receipt) that
 * renders receipts in the order they were queued and writes each .png. The worker does not keep the
 * process alive while it has nothing to do; close() lets it finish what is queued, then terminates it.
 */
export class PngRenderer {
  /** Paths of the images written, in order. */
  readonly written: string[] = [];
  /** Renders that failed (the worker's message, or its crash). */
  readonly errors: Error[] = [];
  /** How long each written image took to render and write in the worker, in ms. */
  readonly renderMs: number[] = [];
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, string>();
  private listeners: (() => void)[] = [];

  /** Images queued and not yet written or failed. */
  get queued(): number {
    return this.pending.size;
  }

  /** Queues the receipt; returns at once. The file appears at path when the worker has rendered it. */
  render(path: string, receipt: ReceiptImageSource, columns: number): void {
    const worker = this.worker ?? this.startWorker();
    const job: PngJob = { id: this.nextId++, path, receipt: { lines: receipt.lines }, columns };
    this.pending.set(job.id, path);
    worker.ref();
    worker.postMessage(job);
  }

  /** Calls listener after every written or failed image until it returns true. */
  onSettled(listener: () => boolean): void {
    const wrapped = () => {
      if (listener()) this.listeners = this.listeners.filter((l) => l !== wrapped);
    };
    this.listeners.push(wrapped);
  }

  /** Waits for the queued images, then terminates the worker. Rendering again starts a new one. */
  async close(): Promise<void> {
    if (this.pending.size > 0) {
      await new Promise<void>((resolve) => {
        this.onSettled(() => {
          if (this.pending.size > 0) return false;
          resolve();
          return true;
        });
      });
    }
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private startWorker(): Worker {
    const worker = startPngWorker();
    worker.on('message', (result: PngResult) => {
      this.settle(result);
    });
    const fail = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const id of [...this.pending.keys()]) this.settle({ id, ok: false, error: reason });
    };
    worker.on('error', (error) => {
      fail(`PNG worker failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      fail(`PNG worker exited with code ${code}`);
    });
    this.worker = worker;
    return worker;
  }

  private settle(result: PngResult): void {
    const path = this.pending.get(result.id);
    if (path === undefined) return;
    this.pending.delete(result.id);
    if (result.ok) {
      this.written.push(path);
      this.renderMs.push(result.ms);
    } else this.errors.push(new Error(`${path}: ${result.error}`));
    if (this.pending.size === 0) this.worker?.unref();
    for (const listener of [...this.listeners]) listener();
  }
}
