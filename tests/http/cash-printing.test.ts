import { describe, expect, it } from 'vitest';
import { createCashPrintingApi } from '../../hub/http/routes/cash-printing.js';
import { newId } from '../../hub/ids.js';
import { CashReportPrinter } from '../../hub/services/printing/cash-report-printer.js';
import { SYSTEM_ACTOR } from '../../hub/services/settings/actor.js';
import { addTill, CASHIER_PIN } from '../support/access-fixtures.js';
import { cashApp, cashStore, offlinePrinting } from '../support/cash-app.js';
import { perTest } from '../support/per-test.js';
import { json, loginAtTill, tillHeaders } from '../support/test-app.js';

const app = perTest(
  () => {
    const store = cashStore();
    const { seed, settings } = store;
    /** The tills with the receipt printer: the seeded till, unless a test says otherwise. */
    const withPrinter = new Set([seed.till.tillId]);
    const rig = offlinePrinting(store, (tillId) => withPrinter.has(tillId));
    const reports = new CashReportPrinter(store.ctx, {
      print: rig.printing.service,
      directory: rig.directory,
      cash: store.cash.service,
      store: () => settings.get(),
      tillName: (tillId) => (tillId === seed.till.tillId ? 'Lane 7' : null),
    });
    reports.start();
    const modules = [...store.cash.api, ...rig.printing.api, ...createCashPrintingApi(reports)];
    return { ...cashApp(store, modules), ...rig, reports, withPrinter };
  },
  (done) => {
    done.reports.stop();
    done.printing.stop();
    done.ctx.close();
  },
);

/** The printable text of a queued job's ESC/POS bytes (the default store prints Danish, latin-1 safe). */
function jobText(jobId: string): string {
  const row = app.ctx.db
    .prepare<[string], { payload: Buffer }>('SELECT payload FROM print_jobs WHERE id = ?')
    .get(jobId);
  return row ? row.payload.toString('latin1') : '';
}

function jobs(): { id: string; kind: string; till_id: string; created_by: string | null }[] {
  return app.ctx.db
    .prepare<[], { id: string; kind: string; till_id: string; created_by: string | null }>(
      'SELECT id, kind, till_id, created_by FROM print_jobs ORDER BY created_at, id',
    )
    .all();
}

async function openSession(): Promise<string> {
  const res = await app.t.call('POST', '/cash-sessions', {
    headers: app.asCashier(),
    body: { id: newId(), totalMinor: 50000 },
  });
  expect(res.status).toBe(201);
  return (await json<{ id: string }>(res)).id;
}

describe('cash reports on the till’s printer', () => {
  it('lists the store currency’s notes and coins, largest first', async () => {
    const res = await app.t.call('GET', '/cash-sessions/denominations', {
      headers: tillHeaders(app.seed.till),
    });
    expect(res.status).toBe(200);
    const body = await json<{
      currency: string;
      denominations: { valueMinor: number; kind: string; circulates: boolean }[];
    }>(res);
    expect(body.currency).toBe('DKK');
    expect(body.denominations[0]).toEqual({
      valueMinor: 100000,
      kind: 'note',
      alsoIssuedAs: null,
      circulates: true,
    });
    expect(body.denominations.at(-1)).toEqual({
      valueMinor: 50,
      kind: 'coin',
      alsoIssuedAs: null,
      circulates: true,
    });
    const values = body.denominations.map((d) => d.valueMinor);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect((await app.t.call('GET', '/cash-sessions/denominations')).status).toBe(401);
  });

  it('leaves out the coins a store’s cash rounding retires, still listed as legal tender (EUR in Finland)', async () => {
    app.settings.applyPreset('FI', SYSTEM_ACTOR);
    const res = await app.t.call('GET', '/cash-sessions/denominations', {
      headers: tillHeaders(app.seed.till),
    });
    const body = await json<{
      currency: string;
      denominations: { valueMinor: number; circulates: boolean }[];
    }>(res);
    expect(body.currency).toBe('EUR');
    const retired = body.denominations.filter((d) => !d.circulates).map((d) => d.valueMinor);
    expect(retired).toEqual([2, 1]);
    expect(body.denominations.some((d) => d.valueMinor === 50000)).toBe(true);
  });

  it('prints the Z report by itself when the session closes, numbered, with counted and difference', async () => {
    const id = await openSession();
    const close = await app.t.call('POST', `/cash-sessions/${id}/close`, {
      headers: app.asSupervisor(),
      body: {
        counts: [
          { denominationMinor: 20000, count: 2 },
          { denominationMinor: 5000, count: 1 },
        ],
      },
    });
    expect(close.status).toBe(200);
    const z = await json<{ number: number; differenceMinor: number }>(close);
    expect(z.differenceMinor).toBe(-5000);
    const [job] = jobs();
    expect(jobs()).toHaveLength(1);
    expect(job).toMatchObject({
      kind: 'report',
      till_id: app.seed.till.tillId,
      created_by: app.seed.supervisorId,
    });
    const text = jobText(job?.id ?? '');
    expect(text).toContain(`Z-RAPPORT #${z.number}`);
    expect(text).toContain('Lane 7');
    expect(text).toContain('450,00');
    expect(text).toContain('-50,00');
    expect(text).not.toContain('KOPI');

    // A retried close answers the same Z and prints nothing more.
    const again = await app.t.call('POST', `/cash-sessions/${id}/close`, {
      headers: app.asSupervisor(),
      body: {
        counts: [
          { denominationMinor: 20000, count: 2 },
          { denominationMinor: 5000, count: 1 },
        ],
      },
    });
    expect(again.status).toBe(200);
    expect(jobs()).toHaveLength(1);
  });

  it('prints an X report on request and a Z again only as a COPY, audited', async () => {
    const id = await openSession();
    const x = await app.t.call('POST', `/cash-sessions/${id}/x-report/print`, { headers: app.asCashier() });
    expect(x.status).toBe(202);
    const xJob = await json<{ id: string; kind: string; status: string }>(x);
    expect(xJob).toMatchObject({ kind: 'report', status: 'queued' });
    expect(jobText(xJob.id)).toContain('X-RAPPORT');
    expect(jobText(xJob.id)).toContain('500,00');

    const close = await app.t.call('POST', `/cash-sessions/${id}/close`, {
      headers: app.asSupervisor(),
      body: { totalMinor: 50000 },
    });
    const { number } = await json<{ number: number }>(close);
    const copy = await app.t.call('POST', `/z-reports/${number}/print`, { headers: app.asCashier() });
    expect(copy.status).toBe(202);
    const copyJob = await json<{ id: string }>(copy);
    expect(jobText(copyJob.id)).toContain('KOPI');
    expect(jobText(copyJob.id)).toContain(`Z-RAPPORT #${number}`);
    const audited = app.ctx.db
      .prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'z_report.reprint'")
      .get();
    expect(audited?.n).toBe(1);
    expect(jobs()).toHaveLength(3);
  });

  it('refuses without a printer (422 NO_PRINTER), for another till’s session (403), and without staff (401)', async () => {
    const id = await openSession();
    app.withPrinter.clear();
    const none = await app.t.call('POST', `/cash-sessions/${id}/x-report/print`, {
      headers: app.asCashier(),
    });
    expect(none.status).toBe(422);
    expect(await json(none)).toMatchObject({ error: { code: 'NO_PRINTER' } });

    const other = addTill(app.ctx, 'Other');
    app.withPrinter.add(other.tillId);
    const foreign = await app.t.call('POST', `/cash-sessions/${id}/x-report/print`, {
      headers: loginAtTill(app.t.access, other, app.seed.cashierId, CASHIER_PIN),
    });
    expect(foreign.status).toBe(403);
    const anonymous = await app.t.call('POST', `/cash-sessions/${id}/x-report/print`, {
      headers: tillHeaders(app.seed.till),
    });
    expect(anonymous.status).toBe(401);
    expect(jobs()).toHaveLength(0);

    // Closing at a till without a printer still closes; the Z waits for a copy to be asked.
    app.withPrinter.clear();
    const close = await app.t.call('POST', `/cash-sessions/${id}/close`, {
      headers: app.asSupervisor(),
      body: { totalMinor: 50000 },
    });
    expect(close.status).toBe(200);
    expect(jobs()).toHaveLength(0);
  });
});
