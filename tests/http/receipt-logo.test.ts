import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellForCash, startDemoHub, type DemoHub } from '../support/demo-hub.js';

/** A 96 x 24 logo: a black frame, so every row has ink. */
function frameLogo(width = 96, height = 24): { width: number; height: number; bits: string } {
  const rowBytes = Math.ceil(width / 8);
  const bits = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const edge = y < 2 || y >= height - 2 || x < 2 || x >= width - 2;
      if (edge) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bits: Buffer.from(bits).toString('base64') };
}

describe('the receipt logo', () => {
  let demo: DemoHub;

  beforeAll(async () => {
    demo = await startDemoHub('hub-logo-');
  }, 60_000);

  afterAll(async () => {
    await demo.close();
  });

  async function printedAfterSale(): Promise<string> {
    const printer = demo.hub.simulators!.printer;
    await expect.poll(() => demo.hub.modules.printing.service.devicesWithWork()).toEqual([]);
    const before = printer.receipts.length;
    const sale = await sellForCash(demo);
    await printer.waitForReceipts(before + 1, 10_000);
    const text = printer.receipts[before]!.lines.map((l) => l.text).join('\n');
    expect(text).toContain(sale.code);
    return text;
  }

  it('prints no logo until the manager saves one, then prints it on every receipt', async () => {
    expect((await demo.api('/settings/logo', { headers: demo.admin })).status).toBe(404);
    expect(await printedAfterSale()).not.toContain('[IMAGE');

    const saved = await demo.api('/settings/logo', { method: 'PUT', body: frameLogo(), headers: demo.admin });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ width: 96, height: 24 });
    const read = await demo.api('/settings/logo', { headers: demo.admin });
    expect(read.body.bits).toBe(frameLogo().bits);

    const printed = await printedAfterSale();
    expect(printed).toContain('[IMAGE 96x24]');
    // The logo comes first, above the store's name.
    expect(printed.indexOf('[IMAGE')).toBeLessThan(
      printed.indexOf(demo.hub.modules.settings.service.get().name),
    );
  });

  it('refuses bits that do not fill the size, or sizes no printer takes, and keeps the logo', async () => {
    const short = { ...frameLogo(), bits: Buffer.alloc(10).toString('base64') };
    const wide = frameLogo(640, 24);
    const garbage = { width: 96, height: 24, bits: 'not base64 at all!' };
    for (const bad of [short, wide, garbage, { ...frameLogo(), extra: 1 }]) {
      const answer = await demo.api('/settings/logo', { method: 'PUT', body: bad, headers: demo.admin });
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    }
    const read = await demo.api('/settings/logo', { headers: demo.admin });
    expect(read.body).toMatchObject({ width: 96, height: 24, bits: frameLogo().bits });
  });

  it('is the manager’s: a cashier may neither read nor change it', async () => {
    expect((await demo.api('/settings/logo')).status).toBe(403);
    expect((await demo.api('/settings/logo', { method: 'PUT', body: frameLogo(16, 16) })).status).toBe(403);
    expect((await demo.api('/settings/logo', { method: 'DELETE' })).status).toBe(403);
  });

  it('is removed on request, and receipts print without it again', async () => {
    const removed = await demo.api('/settings/logo', { method: 'DELETE', headers: demo.admin });
    expect(removed.body).toEqual({ removed: true });
    expect((await demo.api('/settings/logo', { method: 'DELETE', headers: demo.admin })).body).toEqual({
      removed: false,
    });
    expect(await printedAfterSale()).not.toContain('[IMAGE');
  });
});
