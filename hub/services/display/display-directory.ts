import type { HubContext } from '../../context.js';
import { deviceWithRole } from '../../db/devices-queries.js';
import { getProfile } from '../../../firmware-profiles/index.js';
import type { DisplayScreen } from './layout.js';

/** A till's customer display: its device id and what its profile says about the glass. */
export interface DisplayTarget extends DisplayScreen {
  deviceId: string;
}

/** The till's 'customer_display' device, its columns and the code page its driver selects (the first). */
export function customerDisplayOf(ctx: HubContext, tillId: string): DisplayTarget | null {
  const row = ctx.tx.read((db) => deviceWithRole(db, tillId, 'customer_display'));
  if (!row) return null;
  const profile = getProfile(row.profile_id);
  if (profile.kind !== 'display') return { deviceId: row.id, columns: 20, codePage: 'cp437' };
  return { deviceId: row.id, columns: profile.columns, codePage: profile.codePages[0]?.name ?? 'cp437' };
}
