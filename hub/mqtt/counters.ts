/** A tally by reason and by client, for what the broker refuses or drops. Clients are authenticated, so the map is bounded by the registry. */
export interface Tally {
  total: number;
  byReason: Record<string, number>;
  byClient: Record<string, Record<string, number>>;
}

export interface BrokerStats {
  connections: { device: number; till: number; display: number };
  /** CONNECTs answered with a refusal (bad credentials, wrong client id, directory down). */
  refusedConnections: Tally;
  /** CONNECTs cut off by the per-address rate limit before any credential was checked. */
  rateLimited: { total: number; byAddress: Record<string, number> };
  deniedPublishes: Tally;
  deniedSubscriptions: Tally;
  /** Publishes on allowed topics whose payload failed its schema: dropped, never delivered. */
  malformed: Tally;
  /** Connections closed for a packet over the size cap or a topic over the depth cap. */
  limitViolations: Tally;
}

function emptyTally(): Tally {
  return { total: 0, byReason: {}, byClient: {} };
}

export function count(tally: Tally, reason: string, client: string | null): void {
  tally.total += 1;
  tally.byReason[reason] = (tally.byReason[reason] ?? 0) + 1;
  if (client === null) return;
  const perClient = (tally.byClient[client] ??= {});
  perClient[reason] = (perClient[reason] ?? 0) + 1;
}

export function emptyStats(): BrokerStats {
  return {
    connections: { device: 0, till: 0, display: 0 },
    refusedConnections: emptyTally(),
    rateLimited: { total: 0, byAddress: {} },
    deniedPublishes: emptyTally(),
    deniedSubscriptions: emptyTally(),
    malformed: emptyTally(),
    limitViolations: emptyTally(),
  };
}
