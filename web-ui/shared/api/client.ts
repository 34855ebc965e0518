import { errorFromResponse, HubApiError, HubUnreachableError, type HubError } from './errors.js';

export interface Credentials {
  /** X-Till-Token: the paired till's device token. */
  tillToken: string | null;
  /** Authorization: Bearer: the cashier's PIN session at this till. */
  staffToken: string | null;
  /**
   * X-CSRF-Token: the admin pages' token, sent with every change (the session itself is an HttpOnly
   * cookie the browser adds).
   */
  csrfToken?: string | null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HubApiClientOptions {
  baseUrl?: string;
  credentials: () => Credentials;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Told after every request whether the hub answered, so the UI can show or hide its offline banner. */
  onReachability?: (reachable: boolean) => void;
  /** Told about every refusal first (a revoked till token must end the session wherever it shows up). */
  onError?: (error: HubError) => void;
  /**
   * Send the browser's cookies: only the admin pages, whose session is a cookie. A till or display on a
   * browser where a manager is logged in must not ride on that session (its requests would count as the
   * manager's, and fail the CSRF check).
   */
  cookies?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * fetch for the hub's REST API: base /api/v1, the till's and cashier's credentials on every call, JSON
 * in and out, a timeout, and every failure turned into a HubApiError or HubUnreachableError.
 */
export class HubApiClient {
  readonly #baseUrl: string;
  readonly #options: HubApiClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: HubApiClientOptions) {
    this.#options = options;
    this.#baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/$/, '');
    // Bound so a wrapped window.fetch keeps its receiver.
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Resolves with the parsed JSON body of a 2xx answer; rejects with a HubError otherwise. */
  async request(path: string, options: RequestOptions = {}): Promise<unknown> {
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers: this.#headers(options),
        credentials: this.#options.cookies === true ? 'same-origin' : 'omit',
        signal,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    } catch (cause) {
      // A caller's own abort is not an outage: pass it on untouched.
      if (options.signal?.aborted === true) throw cause;
      const error = timeout.aborted
        ? new HubUnreachableError('timeout', `No answer from the hub in ${timeoutMs} ms`)
        : new HubUnreachableError('network', cause instanceof Error ? cause.message : String(cause));
      this.#report(error);
      throw error;
    }
    const body = await readJson(response);
    if (response.ok) {
      this.#options.onReachability?.(true);
      return body;
    }
    const error = errorFromResponse(response.status, body);
    this.#report(error);
    throw error;
  }

  #headers(options: RequestOptions): Record<string, string> {
    const { tillToken, staffToken, csrfToken } = this.#options.credentials();
    const changes = (options.method ?? 'GET') !== 'GET';
    return {
      accept: 'application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(tillToken === null ? {} : { 'x-till-token': tillToken }),
      ...(staffToken === null ? {} : { authorization: `Bearer ${staffToken}` }),
      ...(changes && csrfToken != null ? { 'x-csrf-token': csrfToken } : {}),
      ...options.headers,
    };
  }

  #report(error: HubError): void {
    this.#options.onReachability?.(error instanceof HubApiError);
    this.#options.onError?.(error);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
