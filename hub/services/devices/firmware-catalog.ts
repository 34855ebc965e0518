import { loadProfiles, type ProfileSet } from '../../../firmware-profiles/index.js';
import type { DeviceKind } from '../../contract/mqtt.js';
import { PROFILE_ID, type ProfileCatalog } from './profiles.js';

/**
 * The registry's view of firmware-profiles/: a profile id must name a shipped model of the device's kind.
 * Cash drawers have no firmware of their own (they are a solenoid on a printer's kick port or a USB/serial
 * trigger box), so any well-formed id is accepted for them. The kick pin is the first pin the printer
 * model wires (pin 2 on every shipped model).
 */
export function firmwareProfileCatalog(set: ProfileSet = loadProfiles()): ProfileCatalog {
  return {
    check: (profileId: string, kind: DeviceKind) => {
      if (!PROFILE_ID.test(profileId)) return 'A profile id is a lower-case slug';
      if (kind === 'drawer') return null;
      const profile = set.get(profileId);
      if (profile === undefined) return 'No such firmware profile';
      return profile.kind === kind ? null : `It is a ${profile.kind} profile, not a ${kind} one`;
    },
    drawerPin: (profileId: string) => {
      const profile = set.get(profileId);
      return profile?.kind === 'printer' ? (profile.drawerPins[0] ?? null) : null;
    },
  };
}
