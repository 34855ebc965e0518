import { parseTopic } from '../contract/mqtt.js';

/**
 * Who a connection is, fixed at CONNECT. The hub itself never connects: it uses the in-process bus. A
 * customer display carries the till it was paired to, as the directory answered at CONNECT.
 */
export type Identity =
  | { kind: 'device'; id: string }
  | { kind: 'till'; id: string }
  | { kind: 'display'; id: string; tillId: string };

/** What may be published where: the channel decides which schema checks the payload. */
export type PublishChannel = 'state' | 'event' | 'reply' | 'cart';

export type PublishDecision =
  { allowed: true; channel: PublishChannel; retainable: boolean } | { allowed: false; reason: string };

/**
 * The ACL of docs/device-bus.md as pure functions. Reading is described by grant filters: a subscription
 * is granted only when every topic it can match is matched by one grant (see `covers`), so a wildcard can
 * never reach past what the client may read, and each delivered message is checked again (`mayReadTopic`,
 * the same rule without building the grants) because a device may have been moved to another till since
 * the till subscribed.
 */
export function readGrants(
  identity: Identity,
  store: string,
  devicesOfTill: (tillId: string) => Iterable<string>,
): string[] {
  const root = `pos/${store}`;
  if (identity.kind === 'device') return [`${root}/devices/${identity.id}/cmd`];
  if (identity.kind === 'display') return [`${root}/tills/${identity.tillId}/cart`];
  const grants = [`${root}/tills/${identity.id}/#`, `${root}/events/#`, `${root}/hub/state`];
  for (const device of devicesOfTill(identity.id)) {
    grants.push(`${root}/devices/${device}/state`, `${root}/devices/${device}/event`);
  }
  return grants;
}

/**
 * True when every topic matched by `filter` is also matched by `grant` (both MQTT filters). Level by
 * level: a grant '#' takes the rest; a filter '#' needs a grant '#'; a filter '+' needs '+' or '#'; a
 * literal needs the same literal or '+'. 'a/#' also matches 'a' itself, as MQTT says.
 */
export function covers(grant: string, filter: string): boolean {
  const g = grant.split('/');
  const f = filter.split('/');
  for (let i = 0; i < f.length; i++) {
    const gl = g[i];
    const fl = f[i] ?? '';
    if (gl === '#') return true;
    if (gl === undefined) return false;
    if (fl === '#') return false;
    if (fl === '+') {
      if (gl !== '+') return false;
      continue;
    }
    if (gl !== '+' && gl !== fl) return false;
  }
  // The filter ended; the grant must end too, or continue only with '#' (which matches the parent level).
  return g.length === f.length || (g.length === f.length + 1 && g[f.length] === '#');
}

/** A concrete topic (no wildcards) is matched by a filter. */
export function matches(filter: string, topic: string): boolean {
  return !topic.includes('+') && !topic.includes('#') && covers(filter, topic);
}

export function maySubscribe(grants: readonly string[], filter: string): boolean {
  return grants.some((grant) => covers(grant, filter));
}

export function mayRead(grants: readonly string[], topic: string): boolean {
  return grants.some((grant) => matches(grant, topic));
}

/**
 * The per-delivery check: the same answer as `mayRead(readGrants(identity, store, ...), topic)`, in O(1).
 * The topic is parsed once and a device topic is looked up in the till's set of readable devices, instead
 * of rebuilding one grant per assigned device and matching each (hundreds of string splits per delivery).
 * A topic outside the contract can only be matched by a till's fixed grants (its own subtree, events/#,
 * hub/state), so it falls back to those three.
 */
export function mayReadTopic(
  identity: Identity,
  store: string,
  topic: string,
  readableDevices: (tillId: string) => ReadonlySet<string>,
): boolean {
  const parsed = parseTopic(topic);
  if (identity.kind === 'device') {
    return (
      parsed?.kind === 'device' &&
      parsed.store === store &&
      parsed.device === identity.id &&
      parsed.channel === 'cmd'
    );
  }
  if (identity.kind === 'display') {
    return (
      parsed?.kind === 'till' &&
      parsed.store === store &&
      parsed.till === identity.tillId &&
      parsed.channel === 'cart'
    );
  }
  if (!parsed)
    return mayRead(
      readGrants(identity, store, () => []),
      topic,
    );
  if (parsed.store !== store) return false;
  switch (parsed.kind) {
    case 'hubState':
    case 'domainEvent':
      return true;
    case 'till':
      return parsed.till === identity.id;
    case 'device':
      return (
        (parsed.channel === 'state' || parsed.channel === 'event') &&
        readableDevices(identity.id).has(parsed.device)
      );
  }
}

/**
 * A device publishes only its own state, event and reply; a till only its own cart; a customer display
 * nothing at all (it only reads). Retain is honoured
 * on state and cart (the contract's retained snapshots) and cleared elsewhere so a stale scan or reply
 * is never replayed to the next subscriber.
 */
export function mayPublish(identity: Identity, store: string, topic: string): PublishDecision {
  const parsed = parseTopic(topic);
  if (!parsed) return { allowed: false, reason: 'not_a_contract_topic' };
  if (parsed.store !== store) return { allowed: false, reason: 'other_store' };
  if (identity.kind === 'display') return { allowed: false, reason: 'read_only' };
  if (identity.kind === 'device') {
    if (parsed.kind !== 'device' || parsed.device !== identity.id)
      return { allowed: false, reason: 'not_own_topic' };
    if (parsed.channel === 'cmd') return { allowed: false, reason: 'hub_only_topic' };
    return { allowed: true, channel: parsed.channel, retainable: parsed.channel === 'state' };
  }
  if (parsed.kind !== 'till' || parsed.till !== identity.id)
    return { allowed: false, reason: 'not_own_topic' };
  if (parsed.channel !== 'cart') return { allowed: false, reason: 'hub_only_topic' };
  return { allowed: true, channel: 'cart', retainable: true };
}
