import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../hub/config.js';
import { startHub, type RunningHub, type StartOptions } from '../../hub/hub.js';
import { newId } from '../../hub/ids.js';

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A call to the demo hub's API; without `headers`, as the logged-in demo cashier. */
export type DemoApi = (
  path: string,
  init?: { method?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<ApiAnswer>;

export interface DemoHub {
  hub: RunningHub;
  /** The hub's data directory (removed by close). */
  dir: string;
  api: DemoApi;
  /** The paired till: its id and device token, as the pairing status answered them. */
  tillId: string;
  token: string;
  pairStatus: Record<string, unknown>;
  /** The till token and the cashier's session. */
  headers: Record<string, string>;
  /** The demo manager's admin session: its cookie and CSRF token, as the admin pages send them. */
  admin: Record<string, string>;
  /** Closes the hub and removes its data directory. */
  close(): Promise<void>;
}

/**
 * The demo hub in this process (HUB_DEMO=1, free HTTP and MQTT ports, a temp data dir) with a till paired
 * over HTTP, the demo cashier logged in at it and a cash session opened with 500.00.
 */
export async function startDemoHub(
  dirPrefix: string,
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<DemoHub> {
  const dir = mkdtempSync(join(tmpdir(), dirPrefix));
  const config = loadConfig({
    HUB_DATA_DIR: dir,
    HUB_HTTP_PORT: '0',
    HUB_MQTT_PORT: '0',
    HUB_HTTP_HOST: '127.0.0.1',
    HUB_DEMO: '1',
    ...env,
  });
  const hub = await startHub(config, () => undefined, options);
  const close = async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${hub.httpPort}`;
  let headers: Record<string, string> = {};
  const api: DemoApi = async (path, init = {}) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.headers ?? headers) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
    };
  };
  try {
    const demo = hub.modules.demo!;
    const ticket = await api('/tills/pair', {
      method: 'POST',
      body: { name: 'Lane 1', code: demo.pairingCode },
      headers: {},
    });
    const status = await api('/tills/pair/status', {
      headers: { 'x-pairing-secret': String(ticket.body.pairingSecret) },
    });
    const tillId = String(status.body.tillId);
    const token = String(status.body.token);
    const cashier = demo.staff.find((s) => s.role === 'cashier')!;
    const login = await api('/auth/pin', {
      method: 'POST',
      body: { staffId: cashier.id, pin: cashier.pin },
      headers: { 'x-till-token': token },
    });
    headers = { 'x-till-token': token, authorization: `Bearer ${String(login.body.token)}` };
    await api('/cash-sessions', { method: 'POST', body: { id: newId(), totalMinor: 50_000 } });
    const manager = hub.modules.access.service.sessions.loginAdmin(
      { login: demo.admin.login, password: demo.admin.password },
      '127.0.0.1',
    );
    const admin = { cookie: `hub_admin=${manager.token}`, 'x-csrf-token': manager.csrfToken };
    return { hub, dir, api, tillId, token, pairStatus: status.body, headers, admin, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A completed cash sale of `quantity` of the demo's first barcode at the demo till: its id and receipt code. */
export async function sellForCash(demo: DemoHub, quantity = 1): Promise<{ id: string; code: string }> {
  const { api, hub } = demo;
  const found = await api(`/products/lookup?code=${hub.modules.demo!.sampleBarcodes[0]!}`);
  const product = found.body.product as { id: string };
  const id = newId();
  const sale = await api('/sales', {
    method: 'POST',
    body: { id, lines: [{ id: newId(), productId: product.id, quantity }] },
  });
  const tenders = await api('/tenders');
  const cash = (tenders.body.items as { id: string; kind: string }[]).find((t) => t.kind === 'cash')!;
  const due = (sale.body.totals as { dueMinor: number }).dueMinor;
  await api(`/sales/${id}/payments`, {
    method: 'POST',
    body: { id: newId(), tenderId: cash.id, amountMinor: due },
  });
  const done = await api(`/sales/${id}/complete`, { method: 'POST', body: {} });
  if (done.status !== 200)
    throw new Error(`completing the sale: ${done.status} ${JSON.stringify(done.body)}`);
  return { id, code: (done.body.receipt as { code: string }).code };
}
