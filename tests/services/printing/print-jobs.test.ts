import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecodedCommand } from '../../../devices/sim/printer/decoder.js';
import { newId } from '../../../hub/ids.js';
import { PRINTER, PrintRig, sleep, TILL, until, type Hub } from './rig.js';

let rig: PrintRig;
let hub: Hub;

const completeSale = (h: Hub, saleId: string) => {
  h.ctx.bus.emit({
    name: 'sale.completed',
    payload: { saleId, tillId: TILL, receiptCode: 'R-1', totalMinor: 100, kind: 'sale' },
  });
};
const jobOf = (h: Hub, saleId: string) =>
  h.printing.service
    .list({ status: null, tillId: null, deviceId: null }, 50, 0)
    .items.find((j) => j.saleId === saleId);
const textOf = (commands: DecodedCommand[]) => commands.flatMap((c) => (c.op === 'text' ? [c.text] : []));
const printedSales = () => rig.sim.receipts.map((r) => textOf(r.commands).find((t) => t.startsWith('SALE ')));

beforeEach(async () => {
  rig = new PrintRig();
  await rig.start();
  hub = await rig.hub();
  await until(() => hub.states.isOnline(PRINTER));
});

afterEach(async () => {
  await hub.close();
  await rig.close();
});

describe('print jobs from sale to paper', () => {
  it('queues the receipt of a completed sale and prints it once, CJK intact', async () => {
    const saleId = newId();
    completeSale(hub, saleId);
    completeSale(hub, saleId); // a replayed event queues nothing new
    await rig.sim.waitForReceipts(1);
    await until(() => jobOf(hub, saleId)?.status === 'done');
    expect(jobOf(hub, saleId)).toMatchObject({
      kind: 'receipt',
      status: 'done',
      attempts: 1,
      lastError: null,
    });
    expect(textOf(rig.sim.receipts[0]?.commands ?? [])).toContain('牛奶');
    const statuses = hub.events.flatMap((e) => (e.name === 'print.job.updated' ? [e.payload.status] : []));
    expect(statuses).toEqual(['queued', 'sent', 'done']);
    await sleep(200);
    expect(rig.sim.receipts).toHaveLength(1);
  });

  it('keeps jobs queued while the printer is off and prints each once, in order, when it is back', async () => {
    await rig.sim.setOffline(true);
    await until(() => !hub.states.isOnline(PRINTER));
    const sales = [newId(), newId(), newId()];
    for (const s of sales) completeSale(hub, s);
    await sleep(500);
    expect(sales.map((s) => jobOf(hub, s)?.status)).toEqual(['queued', 'queued', 'queued']);
    expect(rig.sim.receipts).toHaveLength(0);
    await rig.sim.setOffline(false);
    await rig.sim.waitForReceipts(3);
    await until(() => sales.every((s) => jobOf(hub, s)?.status === 'done'));
    await sleep(300);
    expect(printedSales()).toEqual(sales.map((s) => `SALE ${s}`));
  });

  it('holds jobs while the paper is out and prints them after the roll is changed', async () => {
    rig.sim.setPaper('out');
    await until(() => !hub.states.isOnline(PRINTER));
    const saleId = newId();
    completeSale(hub, saleId);
    await sleep(400);
    expect(jobOf(hub, saleId)?.status).toBe('queued');
    rig.sim.setPaper('ok');
    await rig.sim.waitForReceipts(1);
    await until(() => jobOf(hub, saleId)?.status === 'done');
  });

  it('never prints twice when the printer printed but its reply was lost', async () => {
    rig.host.dropReplies = 1;
    const saleId = newId();
    completeSale(hub, saleId);
    await until(() => jobOf(hub, saleId)?.status === 'done');
    expect(jobOf(hub, saleId)).toMatchObject({ attempts: 2 });
    expect(rig.host.executed).toBe(2);
    await sleep(300);
    expect(rig.sim.receipts).toHaveLength(1);
  });

  it('survives a hub restart with a job in flight: printed exactly once', async () => {
    rig.host.dropReplies = 100; // the reply never reaches this hub
    const saleId = newId();
    completeSale(hub, saleId);
    await rig.sim.waitForReceipts(1);
    expect(jobOf(hub, saleId)?.status).toBe('sent');
    await hub.close(); // the hub dies waiting for the reply: the job is left 'sent'
    rig.host.dropReplies = 0;
    // The driver host restarts too: its job-id memory is on disk.
    await rig.host.stop();
    await rig.startHost();
    hub = await rig.hub();
    await until(() => jobOf(hub, saleId)?.status === 'done');
    const errors = hub.events.flatMap((e) => (e.name === 'print.job.updated' ? [e.payload.error] : []));
    expect(errors).toContain('The hub restarted before the printer replied');
    await sleep(300);
    expect(rig.sim.receipts).toHaveLength(1);
  });

  it('survives a hub restart while the printer is off', async () => {
    await rig.sim.setOffline(true);
    await until(() => !hub.states.isOnline(PRINTER));
    const saleId = newId();
    completeSale(hub, saleId);
    await hub.close();
    hub = await rig.hub();
    expect(jobOf(hub, saleId)?.status).toBe('queued');
    await rig.sim.setOffline(false);
    await rig.sim.waitForReceipts(1);
    await until(() => jobOf(hub, saleId)?.status === 'done');
  });

  it('does not print by itself when the store setting is off', async () => {
    rig.autoPrint = false;
    completeSale(hub, newId());
    await sleep(300);
    expect(rig.sim.receipts).toHaveLength(0);
  });
});
