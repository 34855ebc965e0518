import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';
import { get, query, UNITS, type Unit } from './stock-api.js';

export interface Supplier {
  id: string;
  name: string;
  contact: string;
  email: string;
  phone: string;
  note: string;
  archived: boolean;
}

export type SupplierFields = Omit<Supplier, 'id' | 'archived'>;

function decodeSupplier(value: unknown): Supplier {
  const o = object(value, 'supplier');
  return {
    id: string(o, 'id', 'supplier'),
    name: string(o, 'name', 'supplier'),
    contact: string(o, 'contact', 'supplier'),
    email: string(o, 'email', 'supplier'),
    phone: string(o, 'phone', 'supplier'),
    note: string(o, 'note', 'supplier'),
    archived: o.archived === true,
  };
}

export async function listSuppliers(
  api: HubApiClient,
  archived: boolean,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<Supplier>> {
  const q = query({ archived: archived ? 'true' : undefined, limit, offset });
  return decodePage(await get(api, `/suppliers?${q}`, signal), decodeSupplier, 'suppliers');
}

export async function saveSupplier(
  api: HubApiClient,
  id: string | null,
  fields: SupplierFields,
): Promise<Supplier> {
  const answer =
    id === null
      ? await api.request('/suppliers', { method: 'POST', body: fields })
      : await api.request(`/suppliers/${encodeURIComponent(id)}`, { method: 'PATCH', body: fields });
  return decodeSupplier(answer);
}

export async function setSupplierArchived(
  api: HubApiClient,
  id: string,
  archived: boolean,
): Promise<Supplier> {
  const action = archived ? 'archive' : 'unarchive';
  return decodeSupplier(
    await api.request(`/suppliers/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
  );
}

export const ORDER_STATUSES = ['draft', 'sent', 'partly_received', 'received', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unit: Unit;
  ordered: number;
  received: number;
  costMinor: number;
}

export interface PurchaseOrder {
  id: string;
  number: number;
  supplierId: string;
  supplierName: string;
  status: OrderStatus;
  note: string;
  lines: OrderLine[];
  totalMinor: number;
  createdAt: string;
  sentAt: string | null;
}

function decodeOrder(value: unknown): PurchaseOrder {
  const o = object(value, 'purchase order');
  return {
    id: string(o, 'id', 'purchase order'),
    number: integer(o, 'number', 'purchase order'),
    supplierId: string(o, 'supplierId', 'purchase order'),
    supplierName: string(o, 'supplierName', 'purchase order'),
    status: oneOf(o, 'status', ORDER_STATUSES, 'purchase order'),
    note: string(o, 'note', 'purchase order'),
    lines: array(o, 'lines', 'purchase order').map((line) => {
      const l = object(line, 'order line');
      return {
        lineNo: integer(l, 'lineNo', 'order line'),
        productId: string(l, 'productId', 'order line'),
        sku: string(l, 'sku', 'order line'),
        name: string(l, 'name', 'order line'),
        unit: oneOf(l, 'unit', UNITS, 'order line'),
        ordered: integer(l, 'ordered', 'order line'),
        received: integer(l, 'received', 'order line'),
        costMinor: integer(l, 'costMinor', 'order line'),
      };
    }),
    totalMinor: integer(o, 'totalMinor', 'purchase order'),
    createdAt: string(o, 'createdAt', 'purchase order'),
    sentAt: optionalString(o, 'sentAt', 'purchase order'),
  };
}

export async function listOrders(
  api: HubApiClient,
  status: OrderStatus | '',
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<PurchaseOrder>> {
  const q = query({ status, limit, offset });
  return decodePage(await get(api, `/purchase-orders?${q}`, signal), decodeOrder, 'purchase orders');
}

export async function getOrder(api: HubApiClient, id: string): Promise<PurchaseOrder> {
  return decodeOrder(await get(api, `/purchase-orders/${encodeURIComponent(id)}`));
}

export async function createOrder(
  api: HubApiClient,
  supplierId: string,
  lines: readonly { productId: string; quantity: number; costMinor?: number }[],
  note = '',
): Promise<PurchaseOrder> {
  return decodeOrder(
    await api.request('/purchase-orders', { method: 'POST', body: { supplierId, note, lines } }),
  );
}

export async function orderStep(
  api: HubApiClient,
  id: string,
  step: 'send' | 'cancel',
): Promise<PurchaseOrder> {
  return decodeOrder(
    await api.request(`/purchase-orders/${encodeURIComponent(id)}/${step}`, { method: 'POST' }),
  );
}

export async function receiveOrder(
  api: HubApiClient,
  id: string,
  reference: string,
  lines: readonly { lineNo: number; quantity: number; costMinor?: number }[],
): Promise<PurchaseOrder> {
  const body = { ...(reference === '' ? {} : { reference }), lines };
  return decodeOrder(
    await api.request(`/purchase-orders/${encodeURIComponent(id)}/receive`, { method: 'POST', body }),
  );
}
