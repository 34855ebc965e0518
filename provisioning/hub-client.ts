/**
 * The hub's HTTP API as the technician CLI uses it: logs in with an admin password (cookie session plus
 * the CSRF token every unsafe request must echo), then sends JSON. API errors become HubApiError with the
 * hub's own code and message, so the CLI can print exactly what the hub said.
 */
export class HubApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HubApiError';
  }
}

export interface HubSession {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: { issues?: { path: string; message: string }[] } };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { error: { code: 'BAD_RESPONSE', message: `The hub answered ${response.status} with non-JSON` } };
  }
}

function toError(status: number, body: unknown): HubApiError {
  const error = (body as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`;
  let message = typeof error?.message === 'string' ? error.message : `The hub answered ${status}`;
  const issues = error?.details?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    message += `: ${issues.map((i) => `${i.path || '(body)'} ${i.message}`).join('; ')}`;
  }
  return new HubApiError(status, code, message);
}

export async function login(hubUrl: string, loginName: string, password: string): Promise<HubSession> {
  const base = `${hubUrl.replace(/\/+$/, '')}/api/v1`;
  let response: Response;
  try {
    response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: loginName, password }),
    });
  } catch (error) {
    throw new HubApiError(0, 'HUB_UNREACHABLE', `Cannot reach the hub at ${hubUrl}: ${String(error)}`);
  }
  const body = await readJson(response);
  if (!response.ok) throw toError(response.status, body);
  const csrfToken = (body as { csrfToken?: unknown }).csrfToken;
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('hub_admin='));
  if (typeof csrfToken !== 'string' || cookie === undefined) {
    throw new HubApiError(response.status, 'BAD_RESPONSE', 'The hub did not start a session');
  }
  return {
    async request<T>(method: string, path: string, payload?: unknown): Promise<T> {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        body: payload === undefined ? null : JSON.stringify(payload),
      });
      const data = await readJson(res);
      if (!res.ok) throw toError(res.status, data);
      return data as T;
    },
  };
}
