import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, VIEWPORTS } from '../../support/browser.js';
import { startDemoHub, type DemoHub } from '../../support/demo-hub.js';
import { startHubProcess, type HubProcess } from '../../support/hub-process.js';
import { adminHeaders } from './admin-api.js';
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

/** A wedge scanner's pace: milliseconds between its keys (the till takes up to 50 ms for a scan). */
const SCANNER_KEY_GAP_MS = 5;

/**
 * Types a barcode as a keyboard-wedge scanner does: real key events (trusted, typed into whatever has
 * the focus), each stamped 5 ms after the one before, then Enter. The stamps are the scanner's pace;
 * sending the keys one CDP round trip at a time (`keyboard.type`) put 50+ ms between them on a loaded
 * CI machine, which the till rightly took for a person typing.
 */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let at = Date.now() / 1000;
    const send = async (key: string, text: string, keyCode: number, codeName: string): Promise<void> => {
      const common = { key, code: codeName, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        text,
        unmodifiedText: text,
        timestamp: at,
        ...common,
      });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: at + 0.001, ...common });
      at += SCANNER_KEY_GAP_MS / 1000;
    };
    for (const ch of code) {
      const upper = ch.toUpperCase();
      const codeName = /\d/.test(ch) ? `Digit${ch}` : /[A-Z]/.test(upper) ? `Key${upper}` : '';
      await send(ch, ch, /[\dA-Z]/.test(upper) ? upper.charCodeAt(0) : 0, codeName);
    }
    await send('Enter', '\r', 13, 'Enter');
  } finally {
    await cdp.detach();
  }
}

/** The web front of a hub, Chromium and one desktop page (en-US), with the page's errors collected. */
export interface TillBrowser {
  front: WebFront;
  browser: Browser;
  page: Page;
  errors: string[];
  /** Closes Chromium and the web front. */
  close(): Promise<void>;
}

/** Opens the till's browser on a hub; `prepare` sets up the page's context before the page opens. */
export async function openTillBrowser(
  hubBaseUrl: string,
  prepare: (context: BrowserContext) => Promise<void> = () => Promise.resolve(),
): Promise<TillBrowser> {
  const front = await webFront(hubBaseUrl);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
  await prepare(context);
  const page = await context.newPage();
  return {
    front,
    browser,
    page,
    errors: collectPageErrors(page),
    close: async () => {
      await browser.close();
      await front.close();
    },
  };
}

/** A demo hub process (the real `hub/main.ts`) with the till's browser on it. */
export interface TillBench extends TillBrowser {
  /** The hub's data directory (the printer simulator writes under printer-sim/). */
  dir: string;
  /** The hub process running now (startHubAgain replaces it). */
  hub: HubProcess;
  demo: DemoConsole;
  /** Starts the hub again on the same data directory (after the test stopped it), with `env` added. */
  startHubAgain(env?: Record<string, string>): Promise<HubProcess>;
  /** Closes the browser, stops the hub and removes its data directory. */
  close(): Promise<void>;
}

export async function startTillBench(
  dirPrefix: string,
  env: Record<string, string> = {},
): Promise<TillBench> {
  ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), dirPrefix));
  const hubEnv = { HUB_DATA_DIR: dir, ...env };
  const hub = await startHubProcess(hubEnv);
  const till = await openTillBrowser(hub.baseUrl);
  const bench: TillBench = {
    ...till,
    dir,
    hub,
    demo: readDemoConsole(hub.output()),
    startHubAgain: async (more = {}) => {
      bench.hub = await startHubProcess({ ...hubEnv, ...more });
      return bench.hub;
    },
    close: async () => {
      await till.close();
      await bench.hub.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return bench;
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

/**
 * The demo hub in this process (so a test can drive its simulated devices) with the till's browser on it,
 * already paired as the demo's own till (the one its devices are assigned to).
 */
export interface DemoTillBench extends TillBrowser {
  demo: DemoHub;
  /** The demo manager's session headers (cookie and CSRF token), for reads beside the till. */
  manager: Record<string, string>;
  /** The demo cashier, who logs in at the till. */
  cashier: { name: string; pin: string };
  /** Closes the browser and the hub, and removes the hub's data directory. */
  close(): Promise<void>;
}

export async function startDemoTill(
  dirPrefix: string,
  env: Record<string, string> = {},
): Promise<DemoTillBench> {
  ensureWebBuild();
  const demo = await startDemoHub(dirPrefix, env);
  try {
    const seeded = demo.hub.modules.demo;
    const cashier = seeded?.staff.find((s) => s.role === 'cashier');
    if (!seeded || !cashier) throw new Error('the demo has no cashier');
    const baseUrl = `http://127.0.0.1:${demo.hub.httpPort}`;
    const manager = await adminHeaders(baseUrl, seeded.admin.login, seeded.admin.password);
    // The till paired by startDemoHub: its credentials as the pairing screen would have stored them.
    const credentials = JSON.stringify({ tillId: demo.tillId, token: demo.token, name: 'Lane 1' });
    const till = await openTillBrowser(baseUrl, async (context) => {
      await context.addInitScript(
        `window.localStorage.setItem('store-hub.till.credentials', ${JSON.stringify(credentials)});`,
      );
    });
    return {
      ...till,
      demo,
      manager,
      cashier,
      close: async () => {
        await till.close();
        await demo.close();
      },
    };
  } catch (error) {
    await demo.close();
    throw error;
  }
}

/** A product of the demo catalog as the API lists it. */
export interface DemoProduct {
  id: string;
  name: string;
  priceMinor: number;
  weighed: boolean;
  barcodes: { kind: string; display: string }[];
}

/** The demo catalog (the first 200 products, which is all of it). */
export async function demoProducts(demo: DemoHub): Promise<DemoProduct[]> {
  return (await demo.api('/products?limit=200')).body.items as DemoProduct[];
}

/** The demo cashier logs in at the paired till with the on-screen PIN pad: the selling screen shows. */
export async function logInWithPinPad(bench: DemoTillBench): Promise<void> {
  const { page, cashier } = bench;
  await page.goto(`${bench.front.baseUrl}/till/`);
  await page.getByRole('button', { name: new RegExp(cashier.name) }).click();
  await page.getByRole('heading', { name: `PIN for ${cashier.name}` }).waitFor();
  const keys = page.getByRole('group', { name: 'PIN keys' });
  for (const digit of cashier.pin) await keys.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await page.getByRole('heading', { name: 'Find a product' }).waitFor();
}

/** The demo cashier logs in at the paired till by typing the PIN: the selling screen shows. */
export async function logInByKeyboard(bench: DemoTillBench): Promise<void> {
  const { page, cashier } = bench;
  await page.goto(`${bench.front.baseUrl}/till/`);
  await page.getByRole('button', { name: new RegExp(cashier.name) }).click();
  await page.keyboard.type(cashier.pin);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Find a product' }).waitFor();
}
