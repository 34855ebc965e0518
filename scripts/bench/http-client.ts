// A till as the benchmarks see it: fetch against /api/v1 with the till's device token and, after a PIN
// login over HTTP, the cashier's Bearer session. Every non-2xx answer is an error with its body, so a
// benchmark never counts a refused request as a fast one.
import type { BenchTill } from './setup.js';

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} -> ${String(status)}: ${body.slice(0, 500)}`);
  }
}

export class TillClient {
  private bearer: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly till: BenchTill,
  ) {}

  /** Logs the till's cashier in (POST /auth/pin); later calls carry the session. */
  async login(): Promise<void> {
    const result = await this.call<{ token: string }>('POST', '/auth/pin', {
      staffId: this.till.staffId,
      pin: this.till.pin,
    });
    this.bearer = result.token;
  }

  /** One request under /api/v1; resolves with the parsed JSON body of a 2xx answer. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'x-till-token': this.till.token };
    if (this.bearer !== null) headers.authorization = `Bearer ${this.bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new HttpError(method, path, response.status, text);
    return JSON.parse(text) as T;
  }
}
