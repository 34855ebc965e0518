import { describe, expect, it } from 'vitest';
import { HubApiClient } from '../../web-ui/shared/api/client.js';
import {
  errorFromResponse,
  HubApiError,
  HubUnreachableError,
  isStaffSessionLost,
  isTillCredentialLost,
  retryAfterSeconds,
} from '../../web-ui/shared/api/errors.js';

describe('the hub error shape turned into typed errors', () => {
  it('keeps code, message and details of {error:{code,message,details}}', () => {
    const error = errorFromResponse(423, {
      error: { code: 'LOCKED', message: 'Too many wrong PINs', details: { retryAfterSeconds: 61 } },
    });
    expect(error).toBeInstanceOf(HubApiError);
    expect(error).toMatchObject({ status: 423, code: 'LOCKED', message: 'Too many wrong PINs' });
    expect(retryAfterSeconds(error)).toBe(61);
  });

  it('names the status when the body is not the hub shape', () => {
    const error = errorFromResponse(500, null);
    expect(error).toMatchObject({ status: 500, code: 'HTTP_500' });
    expect(retryAfterSeconds(error)).toBeNull();
  });

  it('treats a bare 502 or 504 (a proxy with no hub behind it) as unreachable', () => {
    expect(errorFromResponse(502, null)).toBeInstanceOf(HubUnreachableError);
    expect(errorFromResponse(504, 'Gateway Timeout')).toBeInstanceOf(HubUnreachableError);
    // The hub's own 503 (storage busy) is an answer, not an outage.
    expect(errorFromResponse(503, { error: { code: 'STORAGE_BUSY', message: 'busy' } })).toBeInstanceOf(
      HubApiError,
    );
  });

  it('tells a lost till token from a lost cashier session', () => {
    const till = errorFromResponse(401, { error: { code: 'TILL_REQUIRED', message: 'x' } });
    const staff = errorFromResponse(401, { error: { code: 'STAFF_LOGIN_REQUIRED', message: 'x' } });
    const pin = errorFromResponse(401, { error: { code: 'INVALID_CREDENTIALS', message: 'x' } });
    expect([isTillCredentialLost(till), isStaffSessionLost(till)]).toEqual([true, false]);
    expect([isTillCredentialLost(staff), isStaffSessionLost(staff)]).toEqual([false, true]);
    expect([isTillCredentialLost(pin), isStaffSessionLost(pin)]).toEqual([false, false]);
  });
});

describe('the API client', () => {
  function client(fetch: typeof globalThis.fetch, seen: boolean[] = []) {
    return new HubApiClient({
      baseUrl: 'http://hub.test/api/v1',
      credentials: () => ({ tillToken: 'till-token', staffToken: 'staff-token' }),
      fetch,
      timeoutMs: 200,
      onReachability: (reachable) => seen.push(reachable),
    });
  }

  it('sends the till token and the cashier bearer with JSON and returns the parsed body', async () => {
    let request: Request | undefined;
    const api = client((input, init) => {
      request = new Request(input, init);
      return Promise.resolve(Response.json({ ok: true }));
    });
    await expect(api.request('/sales', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true });
    expect(request?.url).toBe('http://hub.test/api/v1/sales');
    expect(request?.headers.get('x-till-token')).toBe('till-token');
    expect(request?.headers.get('authorization')).toBe('Bearer staff-token');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(await request?.json()).toEqual({ a: 1 });
  });

  it('rejects with the typed hub error and still counts the hub as reachable', async () => {
    const seen: boolean[] = [];
    const api = client(
      () =>
        Promise.resolve(
          Response.json({ error: { code: 'NOT_FOUND', message: 'No such sale' } }, { status: 404 }),
        ),
      seen,
    );
    await expect(api.request('/sales/x')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(seen).toEqual([true]);
  });

  it('reports a network failure as unreachable', async () => {
    const seen: boolean[] = [];
    const api = client(() => Promise.reject(new TypeError('fetch failed')), seen);
    await expect(api.request('/health')).rejects.toMatchObject({ reason: 'network' });
    expect(seen).toEqual([false]);
  });

  it('gives up after the timeout and says so', async () => {
    const api = client(
      (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    await expect(api.request('/health')).rejects.toMatchObject({ reason: 'timeout' });
  });
});
