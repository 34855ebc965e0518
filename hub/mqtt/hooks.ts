import type { AedesOptions, AuthenticateError, Client } from 'aedes';
import type { Logger } from '../http/error-handler.js';
import { mayPublish, mayReadTopic, maySubscribe, readGrants, type Identity } from './acl.js';
import type { Connections } from './connections.js';
import { count, type BrokerStats } from './counters.js';
import { claimedIdentity, clientIdFits, identityKey, type Claim } from './identity.js';
import { malformedReason } from './payload-check.js';
import type { AttemptLimiter } from './rate-limit.js';
import type { ReadableDevices } from './readable-devices.js';
import type { BrokerDirectory } from './types.js';

/** Where refused publishes go: no grant covers it, so nobody can subscribe to it. */
export const DROPPED_TOPIC = '$pos/dropped';

export interface HookDeps {
  store: string;
  directory: BrokerDirectory;
  /** The directory's devicesOfTill as cached Sets, dropped whenever an assignment changes. */
  readable: ReadableDevices;
  connections: Connections;
  stats: BrokerStats;
  limiter: AttemptLimiter;
  maxPayloadBytes: number;
  addressOf(client: Client): string;
  log: Logger;
}

type Hooks = Required<
  Pick<
    AedesOptions,
    'preConnect' | 'authenticate' | 'authorizePublish' | 'authorizeSubscribe' | 'authorizeForward'
  >
>;

/** The CONNACK return code: 2 identifier rejected, 3 unavailable, 4 bad credentials, 5 not authorized. */
function refusal(returnCode: 2 | 3 | 4 | 5, message: string): AuthenticateError {
  // aedes types the code as an ambient const enum, which isolatedModules cannot name; these are its values.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  return Object.assign(new Error(message), { returnCode });
}

/**
 * aedes allows everything by default; these hooks allow only what docs/device-bus.md grants. A refused
 * or malformed PUBLISH is dropped, not answered by closing the connection: MQTT 3.1.1 has no negative
 * PUBACK, and closing would make a client that retries its QoS 1 message loop forever (Mosquitto drops
 * too). Size and depth violations do close the connection: those are not mistakes a device recovers from.
 */
export function createHooks(deps: HookDeps): Hooks {
  const { stats, connections, readable, log } = deps;
  const readableOf = (till: string) => readable.of(till);

  const refuse = (client: Client, reason: string, fields: Record<string, unknown>) => {
    count(stats.refusedConnections, reason, null);
    log('warn', 'mqtt connection refused', {
      reason,
      clientId: client.id,
      address: deps.addressOf(client),
      ...fields,
    });
  };

  const drop = (packet: { topic: string; retain: boolean; payload: Buffer | string }) => {
    packet.topic = DROPPED_TOPIC;
    packet.retain = false;
    packet.payload = Buffer.alloc(0);
  };

  return {
    preConnect(client, _packet, callback) {
      const address = deps.addressOf(client);
      if (deps.limiter.allow(address)) {
        callback(null, true);
        return;
      }
      stats.rateLimited.total += 1;
      stats.rateLimited.byAddress[address] = (stats.rateLimited.byAddress[address] ?? 0) + 1;
      log('warn', 'mqtt connection attempts over the per-address limit', { address });
      callback(new Error('too many connection attempts'), false);
    },

    authenticate(client, username, password, done) {
      const claim = claimedIdentity(username, password);
      if ('refused' in claim) {
        refuse(client, claim.refused, { username: username ?? null });
        done(refusal(4, 'bad user name or password'), false);
        return;
      }
      const { claim: who, secret } = claim;
      if (!clientIdFits(who, client.id)) {
        refuse(client, 'client_id_mismatch', { username });
        done(refusal(2, 'client id does not match the credential'), false);
        return;
      }
      const generation = connections.generation(who);
      verify(deps.directory, who, secret).then(
        (identity) => {
          if (!identity || connections.generation(who) !== generation) {
            refuse(client, identity ? 'revoked_meanwhile' : 'bad_credentials', { username });
            done(refusal(identity ? 5 : 4, 'bad user name or password'), false);
            return;
          }
          connections.add(client, identity);
          // A till reads its devices afresh on every connect (a resumed session forwards without SUBSCRIBE).
          if (identity.kind === 'till') readable.refresh(identity.id);
          done(null, true);
        },
        (error: unknown) => {
          refuse(client, 'directory_failed', { username, error: String(error) });
          done(refusal(3, 'server unavailable'), false);
        },
      );
    },

    authorizePublish(client, packet, callback) {
      const identity = connections.identityOf(client);
      if (packet.payload.length > deps.maxPayloadBytes) {
        count(stats.limitViolations, 'payload_too_large', identity ? identityKey(identity) : null);
        callback(new Error('payload over the broker limit'));
        return;
      }
      if (!identity) {
        drop(packet);
        callback(null);
        return;
      }
      const who = identityKey(identity);
      const decision = mayPublish(identity, deps.store, packet.topic);
      if (!decision.allowed) {
        count(stats.deniedPublishes, decision.reason, who);
        log('warn', 'mqtt publish denied', { client: who, topic: packet.topic, reason: decision.reason });
        drop(packet);
        callback(null);
        return;
      }
      // Buffer.from(buffer) would copy every payload; a string only comes from in-process publishes.
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      const malformed = malformedReason(decision.channel, payload);
      if (malformed !== null) {
        count(stats.malformed, malformed, who);
        drop(packet);
      } else if (!decision.retainable) {
        packet.retain = false;
      }
      callback(null);
    },

    authorizeSubscribe(client, subscription, callback) {
      const identity = connections.identityOf(client);
      // Subscribing is rare: the grants are built from the directory's current answer, refreshing the cache.
      const grants = identity && readGrants(identity, deps.store, (till) => readable.refresh(till));
      if (grants && maySubscribe(grants, subscription.topic)) {
        callback(null, subscription);
        return;
      }
      const who = identity ? identityKey(identity) : null;
      count(stats.deniedSubscriptions, 'not_granted', who);
      log('warn', 'mqtt subscription denied', { client: who, filter: subscription.topic });
      // A null subscription answers SUBACK 0x80 for this filter and keeps the connection.
      callback(null, null);
    },

    // Runs for every delivery to every subscriber: O(1), see mayReadTopic.
    authorizeForward(client, packet) {
      const identity = connections.identityOf(client);
      return identity && mayReadTopic(identity, deps.store, packet.topic, readableOf) ? packet : null;
    },
  };
}

/** The directory's answer to a claim: the confirmed identity (a display with its till), or null. */
async function verify(directory: BrokerDirectory, claim: Claim, secret: string): Promise<Identity | null> {
  switch (claim.kind) {
    case 'device':
      return (await directory.authenticateDevice(claim.id, secret)) ? { kind: 'device', id: claim.id } : null;
    case 'till':
      return (await directory.authenticateTill(claim.id, secret)) ? { kind: 'till', id: claim.id } : null;
    case 'display': {
      const tillId = await directory.authenticateDisplay(claim.id, secret);
      return tillId === null ? null : { kind: 'display', id: claim.id, tillId };
    }
  }
}
