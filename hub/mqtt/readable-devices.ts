import type { EventBus } from '../events/event-bus.js';
import type { BrokerDirectory } from './types.js';

let instances = 0;

/**
 * The devices each till may read, as a Set, so checking a delivery is one lookup instead of a directory
 * query and a scan per message. Kept correct by dropping everything when an assignment can have changed:
 * the device registry emits `device.changed` (register, update, rotate, activate) or `device.revoked` for
 * every write to a device, and the event bus calls listeners synchronously right after the commit, so no
 * delivery runs between the change and the drop (a device moved to another till stops reaching the old
 * one at once). A till's set is also read afresh when it authenticates and when it subscribes, so a stale
 * entry can never outlive a reconnect, and the late-bound directory's empty answer before `bind()` is
 * never kept.
 */
export class ReadableDevices {
  private readonly byTill = new Map<string, ReadonlySet<string>>();
  /** Per instance, so removing one broker's listeners never removes another's on a shared bus. */
  private readonly owner = `mqtt-readable-devices-${String(++instances)}`;

  constructor(private readonly directory: BrokerDirectory) {}

  of(tillId: string): ReadonlySet<string> {
    return this.byTill.get(tillId) ?? this.refresh(tillId);
  }

  /** Reads the till's devices from the directory now and keeps them. */
  refresh(tillId: string): ReadonlySet<string> {
    const devices = new Set(this.directory.devicesOfTill(tillId));
    this.byTill.set(tillId, devices);
    return devices;
  }

  clear(): void {
    this.byTill.clear();
  }

  /** Drops the cache on every event that can change an assignment; returns the detach function. */
  follow(bus: EventBus): () => void {
    const clear = () => {
      this.clear();
    };
    bus.on('device.changed', this.owner, clear);
    bus.on('device.revoked', this.owner, clear);
    bus.on('till.revoked', this.owner, clear);
    return () => {
      bus.removeOwner(this.owner);
      this.clear();
    };
  }
}
