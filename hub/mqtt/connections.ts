import type { Client } from 'aedes';
import type { BrokerClientKind, BrokerControl } from './types.js';
import type { Identity } from './acl.js';
import { identityKey, type Claim } from './identity.js';

/**
 * Who is connected as whom, so a revoked credential can be cut off at once. A client is recorded when its
 * credentials pass (before aedes registers it), so a revocation that lands during the CONNACK is not
 * missed. The revocation generation closes the other gap: an authentication that was already checking
 * the directory when the credential was revoked is refused when it comes back.
 */
export class Connections implements BrokerControl {
  private readonly byIdentity = new Map<string, Set<Client>>();
  private readonly identities = new WeakMap<Client, Identity>();
  private readonly generations = new Map<string, number>();

  identityOf(client: Client | null): Identity | undefined {
    return client ? this.identities.get(client) : undefined;
  }

  generation(identity: Claim): number {
    return this.generations.get(identityKey(identity)) ?? 0;
  }

  add(client: Client, identity: Identity): void {
    this.identities.set(client, identity);
    const key = identityKey(identity);
    const set = this.byIdentity.get(key) ?? new Set<Client>();
    for (const old of set) if (old.closed) set.delete(old);
    set.add(client);
    this.byIdentity.set(key, set);
  }

  remove(client: Client): void {
    const identity = this.identities.get(client);
    if (!identity) return;
    const key = identityKey(identity);
    const set = this.byIdentity.get(key);
    set?.delete(client);
    if (set?.size === 0) this.byIdentity.delete(key);
  }

  disconnect(kind: BrokerClientKind, id: string): void {
    const key = identityKey({ kind, id });
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    const set = this.byIdentity.get(key);
    this.byIdentity.delete(key);
    for (const client of set ?? []) client.close();
  }

  counts(): { device: number; till: number; display: number } {
    const result = { device: 0, till: 0, display: 0 };
    for (const set of this.byIdentity.values()) {
      for (const client of set) {
        const identity = this.identities.get(client);
        if (identity && !client.closed) result[identity.kind] += 1;
      }
    }
    return result;
  }
}
