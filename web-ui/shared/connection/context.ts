import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HubConnection } from './hub-connection.js';

/** Provided once by each app's root element; any component below consumes it instead of props. */
export const hubConnectionContext = createContext<HubConnection>(Symbol('hub-connection'));

/**
 * Re-renders its host whenever the connection changes (online, till, staff). The connection object
 * itself never changes identity, so the context alone would not trigger an update.
 */
export class ConnectionWatcher implements ReactiveController {
  #watched: HubConnection | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly connection: () => HubConnection | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#watched = this.connection();
    this.#watched?.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.#watched?.removeEventListener('change', this.#onChange);
    this.#watched = undefined;
  }

  #onChange = (): void => {
    this.host.requestUpdate();
  };
}
