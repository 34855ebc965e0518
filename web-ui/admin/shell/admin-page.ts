import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { HubApiClient } from '../../shared/api/client.js';
import { adminSessionContext, type AdminSession } from './admin-session.js';

/**
 * What every admin page gets: the address's params and query, and the manager's session (its API
 * client, who is logged in, `may(permission)`).
 */
export class AdminPage extends LitElement {
  @property({ attribute: false }) params: Readonly<Record<string, string>> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  @consume({ context: adminSessionContext, subscribe: true })
  protected session?: AdminSession;

  protected get api(): HubApiClient {
    if (!this.session) throw new Error(`${this.localName} needs the admin session context`);
    return this.session.api;
  }
}
