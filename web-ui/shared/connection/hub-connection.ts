import { HubApiClient } from '../api/client.js';
import { isStaffSessionLost, isTillCredentialLost, type HubError } from '../api/errors.js';
import { health, type StaffSession } from '../api/till-endpoints.js';
import type { TillCredentials, TillStorage } from '../storage/till-storage.js';

export type ConnectionChange = 'reachability' | 'till' | 'staff';

const PROBE_INTERVAL_MS = 3_000;
const PROBE_TIMEOUT_MS = 2_500;

/**
 * The app's link to its hub, shared with every component through a context: the API client with this
 * till's credentials, whether the hub answers, the paired till and the cashier's session. It is an
 * EventTarget: components listen for 'change' (detail: what changed) and re-render.
 *
 * The cashier's PIN session lives in memory only: a reload or a closed tab asks for the PIN again,
 * while the till's own token stays in storage.
 */
export class HubConnection extends EventTarget {
  readonly api: HubApiClient;
  #online = true;
  #staff: StaffSession | null = null;
  #probe: number | undefined;
  #tillLost = false;

  constructor(readonly storage: TillStorage) {
    super();
    this.api = new HubApiClient({
      credentials: () => ({
        tillToken: this.storage.credentials?.token ?? null,
        staffToken: this.#staff?.token ?? null,
      }),
      onReachability: (reachable) => {
        this.#setOnline(reachable);
      },
      onError: (error) => {
        this.#onError(error);
      },
    });
  }

  /** Listens to the browser's own network events too; call once when the app starts. */
  start(): void {
    window.addEventListener('offline', this.#browserOffline);
    window.addEventListener('online', this.#browserOnline);
    if (!navigator.onLine) this.#setOnline(false);
  }

  stop(): void {
    window.removeEventListener('offline', this.#browserOffline);
    window.removeEventListener('online', this.#browserOnline);
    window.clearInterval(this.#probe);
    this.#probe = undefined;
  }

  get online(): boolean {
    return this.#online;
  }

  get till(): TillCredentials | null {
    return this.storage.credentials;
  }

  /** True once the hub has refused this till's token: the till must be paired again. */
  get tillLost(): boolean {
    return this.#tillLost;
  }

  get staff(): StaffSession | null {
    return this.#staff;
  }

  setTill(credentials: TillCredentials | null): void {
    this.storage.credentials = credentials;
    this.storage.pendingPairing = null;
    this.#tillLost = false;
    this.#staff = null;
    this.#changed('till');
  }

  setStaff(session: StaffSession | null): void {
    this.#staff = session;
    this.#changed('staff');
  }

  #onError(error: HubError): void {
    if (this.storage.credentials !== null && isTillCredentialLost(error)) {
      this.storage.credentials = null;
      this.#tillLost = true;
      this.#staff = null;
      this.#changed('till');
    } else if (this.#staff !== null && isStaffSessionLost(error)) {
      // The PIN session expired on the hub: back to the login screen; the till stays paired.
      this.#staff = null;
      this.#changed('staff');
    }
  }

  #browserOffline = (): void => {
    this.#setOnline(false);
  };

  #browserOnline = (): void => {
    // The browser's "online" only means a network is up; the hub decides with the next probe.
    void this.#probeOnce();
  };

  #setOnline(online: boolean): void {
    if (online === this.#online) return;
    this.#online = online;
    if (online) {
      window.clearInterval(this.#probe);
      this.#probe = undefined;
    } else if (this.#probe === undefined) {
      // While the hub is away, ask /health every few seconds so the banner goes as soon as it is back.
      this.#probe = window.setInterval(() => void this.#probeOnce(), PROBE_INTERVAL_MS);
    }
    this.#changed('reachability');
  }

  async #probeOnce(): Promise<void> {
    try {
      await health(this.api, PROBE_TIMEOUT_MS);
    } catch {
      // The client already reported the outcome through onReachability.
    }
  }

  #changed(what: ConnectionChange): void {
    this.dispatchEvent(new CustomEvent<ConnectionChange>('change', { detail: what }));
  }
}
