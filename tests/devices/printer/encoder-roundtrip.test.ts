import { afterEach, describe, expect, it } from 'vitest';
import { EscposBuilder } from '../../../devices/escpos/index.js';
import { createTcpPrinterDriver, type EscPosPrinterDriver } from '../../../devices/printer/index.js';
import type { DecodedCommand } from '../../../devices/sim/printer/decoder.js';
import { PrinterSimulator } from '../../../devices/sim/printer/simulator.js';
import { getPrinterProfile } from '../../../firmware-profiles/index.js';
import { RecordingReporter } from './fake-reporter.js';

const open: { sim: PrinterSimulator; driver: EscPosPrinterDriver }[] = [];

afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.driver.close();
    await o.sim.stop();
  }
});

/** The colleague's encoder, through our driver, into our decoder: two independent readings of ESC/POS. */
async function printWith(profileId: string, sim: PrinterSimulator, build: (b: EscposBuilder) => void) {
  await sim.start();
  const driver = createTcpPrinterDriver({
    deviceId: 'p',
    model: profileId,
    profile: profileId,
    dataDir: null,
    host: '127.0.0.1',
    port: sim.port,
    pollIntervalMs: 1000,
  });
  open.push({ sim, driver });
  await driver.open(new RecordingReporter());
  const builder = new EscposBuilder(getPrinterProfile(profileId));
  build(builder);
  const data = Buffer.from(builder.build()).toString('base64');
  const reply = await driver.execute({ id: 'c', action: 'print', args: { jobId: profileId, data } });
  expect(reply.status).toBe('ok');
  const [receipt] = await sim.waitForReceipts(1);
  return { commands: receipt?.commands ?? [], lines: receipt?.lines.map((l) => l.text) ?? [] };
}

const texts = (commands: DecodedCommand[]) => commands.flatMap((c) => (c.op === 'text' ? [c.text] : []));

describe('encoder output decoded by the simulator', () => {
  it('GB18030 on a mainland model (two-byte mode on at power-on)', async () => {
    const sim = new PrinterSimulator({ cjk: 'gb18030', cjkDefaultOn: true, images: false });
    const { commands, lines } = await printWith('xprinter-xp-q200', sim, (b) =>
      b.init().line('牛奶 2,50').line('Total').cut(),
    );
    expect(lines).toEqual(['牛奶 2,50', 'Total']);
    expect(texts(commands).join('|')).toContain('牛奶');
    expect(commands.filter((c) => c.op === 'unknown')).toEqual([]);
  });

  it('Big5 on a Taiwan model', async () => {
    const sim = new PrinterSimulator({ cjk: 'big5', cjkDefaultOn: true, images: false });
    const { commands, lines } = await printWith('xprinter-xp-80-tw', sim, (b) =>
      b.init().line('牛奶 35').cut(),
    );
    expect(lines).toEqual(['牛奶 35']);
    expect(commands.some((c) => c.op === 'text' && c.encoding === 'big5')).toBe(true);
  });

  it('Danish and Ukrainian through the code pages an Epson profile lists, and the drawer kick', async () => {
    const sim = new PrinterSimulator({ images: false });
    const { commands, lines } = await printWith('epson-tm-t20iii', sim, (b) =>
      b.init().line('Rødgrød med fløde').line('Молоко').kick(2).cut(),
    );
    expect(lines).toEqual(['Rødgrød med fløde', 'Молоко']);
    expect(commands.filter((c) => c.op === 'codepage').length).toBeGreaterThanOrEqual(1);
    expect(sim.kicks).toEqual([2]);
    expect(commands.filter((c) => c.op === 'unknown')).toEqual([]);
  });
});
