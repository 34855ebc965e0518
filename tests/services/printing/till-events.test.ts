import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { topics } from '../../../hub/contract/mqtt.js';
import { forwardPrintStatusToTills } from '../../../hub/services/printing/printer-states.js';
import { PrintService } from '../../../hub/services/printing/print-service.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';
import { InMemoryBus } from './fake-bus.js';
import { STORE, TILL } from './rig.js';

let ctx: TestContext;

beforeEach(() => {
  ctx = createTestContext();
});
afterEach(() => {
  ctx.close();
});

describe('print status for the till', () => {
  it('publishes each committed status change of a till’s job on that till’s events topic', () => {
    const bus = new InMemoryBus();
    forwardPrintStatusToTills(ctx.bus, bus, STORE, () => undefined);
    const service = new PrintService(ctx, {
      directory: { receiptPrinterOf: () => null, isOnline: () => false },
      receipts: { renderSale: () => Buffer.from('x') },
      autoPrintReceipts: () => true,
    });
    const job = service.enqueue({
      deviceId: 'printer-1',
      tillId: TILL,
      saleId: null,
      kind: 'test',
      payload: Buffer.from('hello\n'),
      createdBy: null,
    });
    service.transition(job.id, 'send', null);
    service.transition(job.id, 'requeue', 'PAPER_OUT: The printer is out of paper');
    service.enqueue({ ...job, deviceId: 'printer-1', tillId: null, payload: Buffer.from('x') });
    const sent = bus.published
      .filter((p) => p.topic === topics.tillEvents(STORE, TILL))
      .map((p) => p.payload);
    expect(sent).toEqual([
      expect.objectContaining({ type: 'print', jobId: job.id, status: 'queued', error: null }),
      expect.objectContaining({ status: 'sent' }),
      expect.objectContaining({ status: 'queued', error: 'PAPER_OUT: The printer is out of paper' }),
    ]);
    expect(bus.published).toHaveLength(3);
  });

  it('refuses a transition the table does not have', () => {
    const service = new PrintService(ctx, {
      directory: { receiptPrinterOf: () => null, isOnline: () => false },
      receipts: { renderSale: () => Buffer.from('x') },
      autoPrintReceipts: () => true,
    });
    const job = service.enqueue({
      deviceId: 'p',
      tillId: null,
      saleId: null,
      kind: 'test',
      payload: Buffer.from('x'),
      createdBy: null,
    });
    expect(() => service.transition(job.id, 'printed', null)).toThrow(/cannot printed/);
    expect(service.get(job.id).status).toBe('queued');
  });
});
