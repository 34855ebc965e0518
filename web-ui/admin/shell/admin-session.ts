import { createContext } from '@lit/context';
import { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, string, type Json } from '../../shared/api/decode.js';
import { HubApiError, type HubError } from '../../shared/api/errors.js';

export interface AdminStaff {
  id: string;
  name: string;
  roleId: string;
  permissions: readonly string[];
  discountLimitBp: number;
}

export type AdminSessionState = 'unknown' | 'anonymous' | 'admin';

function decodeStaff(value: unknown): AdminStaff {
  const o = object(value, 'staff');
  return {
    id: string(o, 'id', 'staff'),
    name: string(o, 'name', 'staff'),
    roleId: string(o, 'roleId', 'staff'),
    permissions: array(o, 'permissions', 'staff').filter((p): p is string => typeof p === 'string'),
    discountLimitBp: integer(o, 'discountLimitBp', 'staff'),
  };
}

/**
 * The manager's link to the hub: the API client (the session is an HttpOnly cookie the browser sends;
 * every change carries the session's CSRF token, kept in memory only), who is logged in, and whether the
 * hub answers. An EventTarget: 'change' after a login, a logout, a lost session or a reachability change.
 * A 401 anywhere means the session ended (idle, revoked, the hub's data reset): back to the login.
 */
export class AdminSession extends EventTarget {
  readonly api: HubApiClient;
  #state: AdminSessionState = 'unknown';
  #staff: AdminStaff | null = null;
  #csrf: string | null = null;
  #online = true;

  constructor(fetchImpl?: typeof fetch) {
    super();
    this.api = new HubApiClient({
      credentials: () => ({ tillToken: null, staffToken: null, csrfToken: this.#csrf }),
      cookies: true,
      onReachability: (reachable) => {
        if (reachable === this.#online) return;
        this.#online = reachable;
        this.#changed();
      },
      onError: (error) => {
        this.#onError(error);
      },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  }

  get state(): AdminSessionState {
    return this.#state;
  }

  get staff(): AdminStaff | null {
    return this.#staff;
  }

  get online(): boolean {
    return this.#online;
  }

  /** Deny by default: the hub checks every request; this only hides what would be refused. */
  may(permission: string | null): boolean {
    if (permission === null) return this.#staff !== null;
    return this.#staff?.permissions.includes(permission) ?? false;
  }

  /** Picks up a session the browser still has (a reload keeps the cookie, not the CSRF token). */
  async restore(): Promise<void> {
    try {
      const o = object(await this.api.request('/auth/session'), 'session');
      if (o.kind === 'admin') this.#adopt(o);
      else this.#end();
    } catch (error) {
      if (error instanceof HubApiError) this.#end();
      else throw error;
    }
  }

  async login(login: string, password: string): Promise<void> {
    const o = object(
      await this.api.request('/auth/login', { method: 'POST', body: { login, password } }),
      'login',
    );
    this.#adopt(o);
  }

  async logout(): Promise<void> {
    try {
      await this.api.request('/auth/logout', { method: 'POST' });
    } finally {
      this.#end();
    }
  }

  #adopt(o: Json): void {
    this.#csrf = string(o, 'csrfToken', 'session');
    this.#staff = decodeStaff(o.staff);
    this.#state = 'admin';
    this.#changed();
  }

  #end(): void {
    const was = this.#state;
    this.#csrf = null;
    this.#staff = null;
    this.#state = 'anonymous';
    if (was !== 'anonymous') this.#changed();
  }

  #onError(error: HubError): void {
    if (error instanceof HubApiError && error.status === 401 && this.#state === 'admin') this.#end();
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

export const adminSessionContext = createContext<AdminSession>('admin-session');
