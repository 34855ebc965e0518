import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { currentCashSession, listTenders, type Tender } from '../../shared/api/sales-endpoints.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { HostState } from '../../shared/host-state.js';

export interface TillSetupDeps {
  connection(): HubConnection | undefined;
  /** The hub is reachable again (after this, what the setup lacks is asked for again). */
  backOnline(): void;
}

interface Setup {
  /** The tenders the store enabled. */
  tenders: Tender[];
  /** Whether this till has an open cash session; null until the hub has said. */
  sessionOpen: boolean | null;
}

/**
 * What the selling screen needs from the hub beside the cart: the store's tenders and whether a cash
 * session is open at this till. Asked for when the screen connects, and again when the hub comes back
 * while either is still missing.
 */
export class TillSetup implements ReactiveController {
  #state: HostState<Setup>;
  #watched: HubConnection | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: TillSetupDeps,
  ) {
    this.#state = new HostState<Setup>(host, { tenders: [], sessionOpen: null });
    host.addController(this);
  }

  get tenders(): Tender[] {
    return this.#state.value.tenders;
  }

  get sessionOpen(): boolean | null {
    return this.#state.value.sessionOpen;
  }

  hostConnected(): void {
    this.#watched = this.deps.connection();
    this.#watched?.addEventListener('change', this.#onConnectionChange);
    void this.load();
  }

  hostDisconnected(): void {
    this.#watched?.removeEventListener('change', this.#onConnectionChange);
    this.#watched = undefined;
  }

  /** The cashier opened a cash session here. */
  sessionOpened(): void {
    this.#state.set({ sessionOpen: true });
  }

  async load(): Promise<void> {
    try {
      const api = this.#api();
      const [tenders, session] = await Promise.all([listTenders(api), currentCashSession(api)]);
      this.#state.set({ tenders: tenders.filter((t) => t.enabled), sessionOpen: session !== null });
    } catch {
      // Unreachable: the banner says so; opening the pay screen tries again.
    }
  }

  #api() {
    const connection = this.deps.connection();
    if (!connection) throw new Error('selling-screen needs the hub connection context');
    return connection.api;
  }

  #onConnectionChange = (event: Event): void => {
    if (event instanceof CustomEvent && event.detail === 'reachability' && this.deps.connection()?.online) {
      this.deps.backOnline();
      if (this.sessionOpen === null || this.tenders.length === 0) void this.load();
    }
  };
}
