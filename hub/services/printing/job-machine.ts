import { defineMachine } from '../../domain/state-machine.js';
import type { PrintJobStatus } from '../../db/print-jobs-queries.js';

export type PrintJobEvent = 'send' | 'printed' | 'requeue' | 'fail' | 'retry';

/**
 * A print job's life. 'requeue' takes a sent job back to the queue when its reply did not come (timeout,
 * hub restart) or the printer could not print now (offline, paper out, cover open): the driver's job-id
 * memory makes the resend safe. 'fail' is for a job the printer will never take (bad data, no such
 * device); only a person's explicit retry puts it back. done is final: a reprint is a new COPY job.
 */
export const printJobMachine = defineMachine<PrintJobStatus, PrintJobEvent>({
  queued: { send: 'sent', fail: 'failed' },
  sent: { printed: 'done', requeue: 'queued', fail: 'failed' },
  done: {},
  failed: { retry: 'queued' },
});
