import { createRoute } from '@hono/zod-openapi';
import type { Principal } from '../../contract/principal.js';
import { requireTillStaff, staffOf } from '../../services/access/guards.js';
import type { PaymentService } from '../../services/payments/payment-service.js';
import type { SalesServices } from '../../services/sales/module.js';
import type { SaleActor } from '../../services/sales/types.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import {
  AddPaymentSchema,
  body,
  CashQuoteSchema,
  CreateSaleSchema,
  CustomerBodySchema,
  IdParamSchema,
  json,
  PaymentResultSchema,
  ReceiptParamSchema,
  SaleListQuerySchema,
  SalePageSchema,
  SaleViewSchema,
  UpdateCartSchema,
  VoidSaleSchema,
} from './sales-schemas.js';

/** Selling is done by a cashier logged in at a paired till. */
export function tillActor(p: Principal): SaleActor {
  const { tillId, staff } = requireTillStaff(p);
  return { principal: p, tillId, staff };
}

const created = {
  201: json(SaleViewSchema, 'Created'),
  200: json(SaleViewSchema, 'Already there (a replay): the sale as it is'),
};

export function createSalesApi(sales: SalesServices, payments: PaymentService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['sales'],
        summary: 'Open a sale with the till’s id; idempotent',
        request: { body: body(CreateSaleSchema) },
        responses: { ...created, ...errorResponses(400, 401, 403, 409, 422, 423, 429, 507) },
      }),
      async (c) => {
        const result = await sales.cart.create(tillActor(c.get('principal')), c.req.valid('json'));
        return c.json(result.sale, result.created ? 201 : 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['sales'],
        summary: 'List sales, e.g. ?status=parked for the recall list',
        request: { query: SaleListQuerySchema },
        responses: { 200: json(SalePageSchema, 'A page of sales'), ...errorResponses(400, 401) },
      }),
      (c) => {
        staffOf(c.get('principal'));
        return c.json(sales.lifecycle.list(c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/by-receipt/{code}',
        tags: ['sales'],
        summary: 'Find a completed sale or return by its receipt code or receipt barcode',
        request: { params: ReceiptParamSchema },
        responses: { 200: json(SaleViewSchema, 'The sale'), ...errorResponses(400, 401, 404) },
      }),
      (c) => {
        staffOf(c.get('principal'));
        return c.json(sales.lifecycle.getByReceipt(c.req.valid('param').code), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['sales'],
        request: { params: IdParamSchema },
        responses: { 200: json(SaleViewSchema, 'The sale'), ...errorResponses(400, 401, 404) },
      }),
      (c) => {
        staffOf(c.get('principal'));
        return c.json(sales.lifecycle.get(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}',
        tags: ['sales'],
        summary: 'Replace the cart at expectedVersion; a replay of the applied cart returns the sale',
        request: { params: IdParamSchema, body: body(UpdateCartSchema) },
        responses: {
          200: json(SaleViewSchema, 'The sale'),
          ...errorResponses(400, 401, 403, 404, 409, 422, 423, 429, 507),
        },
      }),
      async (c) => {
        const result = await sales.cart.update(
          tillActor(c.get('principal')),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return c.json(result.sale, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/park',
        tags: ['sales'],
        request: { params: IdParamSchema },
        responses: {
          200: json(SaleViewSchema, 'The parked sale'),
          ...errorResponses(400, 401, 404, 409, 422, 507),
        },
      }),
      (c) => c.json(sales.lifecycle.park(tillActor(c.get('principal')), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/recall',
        tags: ['sales'],
        summary: 'Bring a parked sale to this till',
        request: { params: IdParamSchema },
        responses: { 200: json(SaleViewSchema, 'The open sale'), ...errorResponses(400, 401, 404, 409, 507) },
      }),
      (c) => c.json(sales.lifecycle.recall(tillActor(c.get('principal')), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/void',
        tags: ['sales'],
        request: { params: IdParamSchema, body: body(VoidSaleSchema) },
        responses: {
          200: json(SaleViewSchema, 'The voided sale'),
          ...errorResponses(400, 401, 403, 404, 409, 422, 423, 429, 507),
        },
      }),
      async (c) => {
        const { reason, override } = c.req.valid('json');
        const view = await sales.lifecycle.void(
          tillActor(c.get('principal')),
          c.req.valid('param').id,
          override,
          reason ?? null,
        );
        return c.json(view, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/customer',
        tags: ['sales'],
        summary: 'Attach a customer, or detach with null',
        request: { params: IdParamSchema, body: body(CustomerBodySchema) },
        responses: { 200: json(SaleViewSchema, 'The sale'), ...errorResponses(400, 401, 404, 422, 507) },
      }),
      (c) => {
        tillActor(c.get('principal'));
        return c.json(
          sales.lifecycle.setCustomer(c.req.valid('param').id, c.req.valid('json').customerId),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/payments',
        tags: ['payments'],
        summary: 'Take a payment; idempotent by payment id. A card payment returns its terminal outcome.',
        request: { params: IdParamSchema, body: body(AddPaymentSchema) },
        responses: {
          201: json(PaymentResultSchema, 'The payment (declined and unknown outcomes included) and the sale'),
          200: json(PaymentResultSchema, 'A replay: the payment as it is now'),
          ...errorResponses(400, 401, 404, 409, 422, 507),
        },
      }),
      async (c) => {
        const result = await payments.add(
          tillActor(c.get('principal')),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return c.json({ payment: result.payment, sale: result.sale }, result.created ? 201 : 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/complete',
        tags: ['sales'],
        summary: 'Complete a fully paid sale: receipt number, stock, cash, journal; idempotent',
        request: { params: IdParamSchema },
        responses: {
          200: json(SaleViewSchema, 'The completed sale'),
          ...errorResponses(400, 401, 404, 409, 422, 507),
        },
      }),
      (c) => c.json(sales.completion.complete(tillActor(c.get('principal')), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/cash-quote',
        tags: ['payments'],
        summary: 'The rest due as cash: rounded to the store’s smallest coin, with quick-tender amounts',
        request: { params: IdParamSchema },
        responses: {
          200: json(CashQuoteSchema, 'The cash figures for the till’s pay screen'),
          ...errorResponses(400, 401, 404, 409),
        },
      }),
      (c) => c.json(payments.cashQuote(tillActor(c.get('principal')), c.req.valid('param').id), 200),
    );
  return { path: 'sales', routes };
}
