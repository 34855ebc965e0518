import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, VIEWPORTS } from '../../support/browser.js';
import { startHubProcess, type HubProcess } from '../../support/hub-process.js';
import { ensureWebBuild, webFront, type WebFront } from './web-front.js';

/** What the demo hub prints at start for a newcomer: pairing code, PINs, admin password, barcodes. */
export interface DemoConsole {
  code: string;
  cashierPin: string;
  supervisorPin: string;
  password: string;
  barcodes: string[];
}

export function readDemoConsole(out: string): DemoConsole {
  return {
    code: /pairing code: (\d{6})/.exec(out)?.[1] ?? '',
    cashierPin: /cashier\s+.+PIN (\d{4,8})/.exec(out)?.[1] ?? '',
    supervisorPin: /supervisor\s+.+PIN (\d{4,8})/.exec(out)?.[1] ?? '',
    password: /password: (\S{12,})/.exec(out)?.[1] ?? '',
    barcodes: (/Barcodes to try:(.*)/.exec(out)?.[1] ?? '').match(/\b\d{13}\b/g) ?? [],
  };
}

/** Types a barcode as a keyboard-wedge scanner does: every key at once, then Enter. */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** A demo hub process, the web front, Chromium and one desktop page, with page errors collected. */
export interface TillBench {
  /** The hub's data directory (the printer simulator writes under printer-sim/). */
  dir: string;
  hub: HubProcess;
  front: WebFront;
  browser: Browser;
  page: Page;
  errors: string[];
  demo: DemoConsole;
  close(): Promise<void>;
}

export async function startTillBench(dirPrefix: string): Promise<TillBench> {
  ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), dirPrefix));
  const hub = await startHubProcess({ HUB_DATA_DIR: dir });
  const front = await webFront(hub.baseUrl);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
  const page = await context.newPage();
  return {
    dir,
    hub,
    front,
    browser,
    page,
    errors: collectPageErrors(page),
    demo: readDemoConsole(hub.output()),
    close: async () => {
      await browser.close();
      await front.close();
      await hub.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Pairs the page's till with the demo code, logs the demo cashier in and opens the cash session. */
export async function pairAndOpenSession(bench: TillBench): Promise<void> {
  const { page } = bench;
  await pairAndLogIn(bench);
  await page.getByLabel('Float in the drawer').fill('500');
  await page.getByRole('button', { name: 'Open cash session' }).click();
  await page.getByLabel('Float in the drawer').waitFor({ state: 'detached' });
}

/** Pairs the page's till with the demo code and logs the demo cashier in: the selling screen shows. */
export async function pairAndLogIn(bench: TillBench): Promise<void> {
  const { page, demo } = bench;
  await page.goto(`${bench.front.baseUrl}/till/`);
  await page.getByLabel('Name of this till').fill('Front till');
  await page.getByLabel('Pairing code (6 digits)').fill(demo.code);
  await page.getByRole('button', { name: 'Pair', exact: true }).click();
  await page.getByRole('button', { name: /Anna Cashier/ }).click();
  await page.keyboard.type(demo.cashierPin);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Find a product' }).waitFor();
}
