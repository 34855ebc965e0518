import type { HubApiClient } from './client.js';
import { array, integer, object, oneOf, optionalString, string, type Json } from './decode.js';
import type { OverrideInput } from './sales-endpoints.js';

/**
 * The till's cash-drawer calls: the session (open, current, close), pay-ins, pay-outs, the no-sale
 * drawer open, X and Z reports and their printing. Every figure is the hub's.
 */

export interface Denomination {
  valueMinor: number;
  kind: 'note' | 'coin';
  alsoIssuedAs: 'note' | 'coin' | null;
  /** false: legal tender that the store's cash rounding retires (1 and 2 cent in Finland). */
  circulates: boolean;
}

export interface DenominationCount {
  denominationMinor: number;
  count: number;
}

/** A drawer count as the hub takes it: pieces per denomination, or one total. */
export type CountBody = { counts: DenominationCount[] } | { totalMinor: number };

export interface CashSession {
  id: string;
  status: 'open' | 'closed';
  currency: string;
  openedAt: string;
  floatMinor: number;
  zNumber: number | null;
}

export interface CountFigure {
  count: number;
  amountMinor: number;
}

export interface ReportFigures {
  currency: string;
  openedAt: string;
  takenAt: string;
  sales: CountFigure;
  returns: CountFigure;
  netSalesMinor: number;
  tenders: { tenderId: string; name: string; count: number; netMinor: number }[];
  discountsMinor: number;
  roundingMinor: number;
  voidedSalesCount: number;
  noSaleCount: number;
  payIns: CountFigure;
  payOuts: CountFigure;
  floatMinor: number;
  cashSalesMinor: number;
  cashRefundsMinor: number;
  expectedCashMinor: number;
}

export interface ZReport extends ReportFigures {
  number: number;
  countedMinor: number;
  /** counted - expected: positive over, negative short. */
  differenceMinor: number;
  counts: DenominationCount[] | null;
}

export type MovementKind = 'pay_in' | 'pay_out';

export type DrawerKick = 'kicked' | 'failed' | 'no_printer' | 'repeated';

const withOverride = (override: OverrideInput | null) => (override ? { override } : {});

function session(o: Json): CashSession {
  const z = o.zNumber;
  return {
    id: string(o, 'id', 'cashSession'),
    status: oneOf(o, 'status', ['open', 'closed'], 'cashSession'),
    currency: string(o, 'currency', 'cashSession'),
    openedAt: string(o, 'openedAt', 'cashSession'),
    floatMinor: integer(o, 'floatMinor', 'cashSession'),
    zNumber: typeof z === 'number' ? z : null,
  };
}

function figure(o: Json, key: string): CountFigure {
  const f = object(o[key], `report.${key}`);
  return { count: integer(f, 'count', key), amountMinor: integer(f, 'amountMinor', key) };
}

function figures(o: Json): ReportFigures {
  const what = 'report';
  return {
    currency: string(o, 'currency', what),
    openedAt: string(o, 'openedAt', what),
    takenAt: string(o, 'takenAt', what),
    sales: figure(o, 'sales'),
    returns: figure(o, 'returns'),
    netSalesMinor: integer(o, 'netSalesMinor', what),
    tenders: array(o, 'tenders', what).map((item) => {
      const t = object(item, 'report.tender');
      return {
        tenderId: string(t, 'tenderId', 'tender'),
        name: string(t, 'name', 'tender'),
        count: figure(t, 'charges').count,
        netMinor: integer(t, 'netMinor', 'tender'),
      };
    }),
    discountsMinor: integer(o, 'discountsMinor', what),
    roundingMinor: integer(o, 'roundingMinor', what),
    voidedSalesCount: integer(o, 'voidedSalesCount', what),
    noSaleCount: integer(o, 'noSaleCount', what),
    payIns: figure(o, 'payIns'),
    payOuts: figure(o, 'payOuts'),
    floatMinor: integer(o, 'floatMinor', what),
    cashSalesMinor: integer(o, 'cashSalesMinor', what),
    cashRefundsMinor: integer(o, 'cashRefundsMinor', what),
    expectedCashMinor: integer(o, 'expectedCashMinor', what),
  };
}

function zReport(value: unknown): ZReport {
  const o = object(value, 'zReport');
  const counts = o.counts;
  return {
    ...figures(o),
    number: integer(o, 'number', 'zReport'),
    countedMinor: integer(o, 'countedMinor', 'zReport'),
    differenceMinor: integer(o, 'differenceMinor', 'zReport'),
    counts: Array.isArray(counts)
      ? counts.map((item) => {
          const c = object(item, 'zReport.count');
          return {
            denominationMinor: integer(c, 'denominationMinor', 'count'),
            count: integer(c, 'count', 'count'),
          };
        })
      : null,
  };
}

export async function currentSession(api: HubApiClient): Promise<CashSession | null> {
  const o = object(await api.request('/cash-sessions/current'), 'currentSession');
  return o.session === null || o.session === undefined ? null : session(object(o.session, 'session'));
}

export async function storeDenominations(api: HubApiClient): Promise<Denomination[]> {
  const o = object(await api.request('/cash-sessions/denominations'), 'denominations');
  return array(o, 'denominations', 'denominations').map((item) => {
    const d = object(item, 'denomination');
    const also = d.alsoIssuedAs;
    return {
      valueMinor: integer(d, 'valueMinor', 'denomination'),
      kind: oneOf(d, 'kind', ['note', 'coin'], 'denomination'),
      alsoIssuedAs: also === 'note' || also === 'coin' ? also : null,
      circulates: d.circulates !== false,
    };
  });
}

/** `id` is made by the till once per attempt, so a retried open never opens two sessions. */
export async function openSession(
  api: HubApiClient,
  id: string,
  float: CountBody,
  override: OverrideInput | null = null,
): Promise<CashSession> {
  const body = { id, ...float, ...withOverride(override) };
  return session(object(await api.request('/cash-sessions', { method: 'POST', body }), 'openSession'));
}

export async function recordMovement(
  api: HubApiClient,
  sessionId: string,
  movement: { id: string; kind: MovementKind; amountMinor: number; reason: string },
  override: OverrideInput | null = null,
): Promise<void> {
  await api.request(`/cash-sessions/${encodeURIComponent(sessionId)}/movements`, {
    method: 'POST',
    body: { ...movement, ...withOverride(override) },
  });
}

/** A no-sale: the hub records it and pulses the drawer on the till's printer; answers what happened. */
export async function openDrawer(
  api: HubApiClient,
  tillId: string,
  request: { id: string; reason: string },
  override: OverrideInput | null = null,
): Promise<DrawerKick> {
  const o = object(
    await api.request(`/tills/${encodeURIComponent(tillId)}/drawer/open`, {
      method: 'POST',
      body: { ...request, ...withOverride(override) },
    }),
    'openDrawer',
  );
  const kick = object(o.kick, 'openDrawer.kick');
  return oneOf(kick, 'outcome', ['kicked', 'failed', 'no_printer', 'repeated'], 'kick');
}

export async function xReport(api: HubApiClient, sessionId: string): Promise<ReportFigures> {
  return figures(
    object(await api.request(`/cash-sessions/${encodeURIComponent(sessionId)}/x-report`), 'xReport'),
  );
}

export async function closeSession(
  api: HubApiClient,
  sessionId: string,
  count: CountBody,
  override: OverrideInput | null = null,
): Promise<ZReport> {
  return zReport(
    await api.request(`/cash-sessions/${encodeURIComponent(sessionId)}/close`, {
      method: 'POST',
      body: { ...count, ...withOverride(override) },
    }),
  );
}

/** Queues the X report on the till's printer; answers the print job's id. */
export async function printXReport(api: HubApiClient, sessionId: string): Promise<string | null> {
  const o = object(
    await api.request(`/cash-sessions/${encodeURIComponent(sessionId)}/x-report/print`, { method: 'POST' }),
    'printX',
  );
  return optionalString(o, 'id', 'printX');
}

/** Prints a Z report again, marked COPY. */
export async function reprintZReport(api: HubApiClient, number: number): Promise<void> {
  await api.request(`/z-reports/${String(number)}/print`, { method: 'POST' });
}
