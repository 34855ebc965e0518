/**
 * A password login as the admin pages do it: the session cookie and the CSRF token, as the headers every
 * later call sends (a read needs only the cookie; the token goes along all the same).
 */
export async function adminHeaders(
  baseUrl: string,
  login: string,
  password: string,
): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new Error(`admin login: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': body.csrfToken };
}

/**
 * The manager's side of pairing, done over the API the admin pages will use (they are a later step):
 * password login with the session cookie and CSRF token, then approve or revoke a till, and reads.
 */
export class AdminApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(baseUrl: string, login: string, password: string): Promise<AdminApi> {
    const headers = await adminHeaders(baseUrl, login, password);
    return new AdminApi(baseUrl, headers.cookie, headers['x-csrf-token']);
  }

  async tills(): Promise<{ id: string; name: string; status: string }[]> {
    const body = (await this.call('GET', '/tills?limit=200')) as {
      items: { id: string; name: string; status: string }[];
    };
    return body.items;
  }

  async approve(tillId: string, code: string): Promise<void> {
    await this.call('POST', `/tills/${tillId}/approve`, { code });
  }

  async revoke(tillId: string): Promise<void> {
    await this.call('POST', `/tills/${tillId}/revoke`);
  }

  /** A manager's read of any API path (sales, customers), as the admin pages do it. */
  async get(path: string): Promise<unknown> {
    return this.call('GET', path);
  }

  /** A manager's change to any API path (a product's price), as the admin pages do it. */
  async patch(path: string, body: unknown): Promise<unknown> {
    return this.call('PATCH', path, body);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }
}
