import type { DeviceKind } from '../../contract/mqtt.js';

/**
 * What the registry needs from the firmware profiles (firmware-profiles/ and its loader): whether a
 * profile id names a model of that kind, and the drawer kick pin a printer model wires. The registry takes
 * this as a dependency so it does not depend on how profiles are stored.
 */
export interface ProfileCatalog {
  /** null: the id is fine; else why not (unknown model, or a model of another kind). */
  check(profileId: string, kind: DeviceKind): string | null;
  /** The kick pin of a printer model, when its profile says. */
  drawerPin(profileId: string): 2 | 5 | null;
}

/** Profile ids are topic-safe slugs such as 'epson-tm-t20iii'. */
export const PROFILE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Used until a loader is wired: any well-formed id is accepted and stored as given. */
export const ANY_PROFILE: ProfileCatalog = {
  check: (profileId) => (PROFILE_ID.test(profileId) ? null : 'A profile id is a lower-case slug'),
  drawerPin: () => null,
};
