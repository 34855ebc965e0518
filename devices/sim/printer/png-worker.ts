// The printer simulator's PNG renderer, in a worker thread: resvg is synchronous and CPU-bound, and the
// demo runs the simulator inside the hub, so rendering there would stall the hub's event loop. One worker
// lives as long as its simulator; it finds the fonts once and renders the receipts in the order they come.
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { findReceiptFonts } from './fonts.js';
import type { PngJob, PngResult } from './png-renderer.js';
import { receiptPng } from './render-png.js';

const port = parentPort;
if (!port) throw new Error('png-worker.ts runs as a worker thread (see PngRenderer)');

const fonts = findReceiptFonts();

port.on('message', (job: PngJob) => {
  const started = performance.now();
  let result: PngResult;
  try {
    writeFileSync(job.path, receiptPng(job.receipt, job.columns, fonts));
    result = { id: job.id, ok: true, ms: performance.now() - started };
  } catch (error) {
    result = { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(result);
});
