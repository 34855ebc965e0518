import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceReplyPayload } from '../../../hub/contract/mqtt.js';
import type { CommandRequest } from '../../../hub/services/devices/command-channel.js';
import { CustomerDisplayService } from '../../../hub/services/display/display-service.js';
import type { DisplaySale } from '../../../hub/services/display/layout.js';
import { createTestContext } from '../../support/hub-context.js';

const store = { name: 'Corner Shop', locale: 'en-GB', currency: 'GBP', cashRoundingMinor: 1 };
const TILL = 'till-1';

/** A display whose replies the test releases by hand, to see what queues while one command is out. */
function rig(options: { display?: boolean; reply?: DeviceReplyPayload['status'] } = {}) {
  const ctx = createTestContext();
  const logs: { level: string; message: string }[] = [];
  ctx.log = (level, message) => logs.push({ level, message });
  const sent: string[][] = [];
  const waiting: (() => void)[] = [];
  let sale: DisplaySale = { kind: 'sale', status: 'open', lines: [], totals: totals(0) };
  const service = new CustomerDisplayService(ctx, {
    sale: () => sale,
    store: () => store,
    displayOf: () => (options.display === false ? null : { deviceId: 'd1', columns: 20, codePage: 'cp437' }),
    idleAfterMs: 50,
    commander: {
      sendCommand: (_id: string, command: CommandRequest) => {
        if (command.action === 'show') sent.push(command.args.lines);
        return new Promise<DeviceReplyPayload>((resolve) =>
          waiting.push(() => {
            resolve(
              options.reply === 'error'
                ? { id: 'x', status: 'error', error: { code: 'DEVICE_OFFLINE', message: 'offline' } }
                : { id: 'x', status: 'ok' },
            );
          }),
        );
      },
    },
  });
  service.start();
  const flush = async () => {
    while (waiting.length > 0) {
      waiting.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  const scan = (n: number) => {
    sale = {
      ...sale,
      lines: [
        ...sale.lines,
        { status: 'active', lineNo: n, name: `Item ${String(n)}`, sku: '', totalMinor: 100 },
      ],
      totals: totals(n * 100),
    };
    ctx.bus.emit({ name: 'sale.updated', payload: { saleId: 's1', tillId: TILL, status: 'open' } });
  };
  const complete = () => {
    sale = { ...sale, status: 'completed', totals: { ...sale.totals, paidMinor: sale.totals.totalMinor } };
    ctx.bus.emit({
      name: 'sale.completed',
      payload: { saleId: 's1', tillId: TILL, receiptCode: 'R1', totalMinor: 0, kind: 'sale' },
    });
  };
  return { service, sent, waiting, flush, scan, complete, logs };
}

function totals(total: number): DisplaySale['totals'] {
  return { totalMinor: total, toPayMinor: total, paidMinor: 0, dueMinor: total, changeMinor: 0 };
}

describe('customer display service', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('coalesces a scan storm: one command in flight, then only the latest state', async () => {
    const r = rig();
    stop = () => r.service.stop();
    for (let n = 1; n <= 50; n++) r.scan(n);
    expect(r.sent).toEqual([['Item 1          1.00', 'TOTAL          £1.00']]);
    await r.flush();
    expect(r.sent).toHaveLength(2);
    expect(r.sent[1]).toEqual(['Item 50         1.00', 'TOTAL         £50.00']);
  });

  it('thanks after completion, then greets once the till is idle', async () => {
    const r = rig();
    stop = () => r.service.stop();
    r.scan(1);
    await r.flush();
    r.complete();
    await r.flush();
    expect(r.sent.at(-1)).toEqual(['     Thank you!     ', 'PAID           £1.00']);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await r.flush();
    expect(r.sent.at(-1)).toEqual(['      Welcome!      ', '    Corner Shop     ']);
  });

  it('does nothing for a till without a display', () => {
    const r = rig({ display: false });
    stop = () => r.service.stop();
    r.scan(1);
    expect(r.sent).toEqual([]);
  });

  it('logs a failing display once and keeps following the sale', async () => {
    const r = rig({ reply: 'error' });
    stop = () => r.service.stop();
    r.scan(1);
    await r.flush();
    r.scan(2);
    await r.flush();
    expect(r.sent).toHaveLength(2);
    expect(r.logs.filter((l) => l.level === 'warn')).toEqual([
      { level: 'warn', message: 'customer display did not show the sale' },
    ]);
  });

  it('stops listening on stop()', () => {
    const r = rig();
    r.service.stop();
    r.scan(1);
    expect(r.sent).toEqual([]);
  });
});
