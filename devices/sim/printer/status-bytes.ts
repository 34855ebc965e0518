/** The simulated printer's condition, as its sensors would report it. */
export interface SimCondition {
  paper: 'ok' | 'near_end' | 'out';
  coverOpen: boolean;
  /** The drawer sensor on pin 3 of the kick connector; high means open on the drawers we simulate. */
  drawerOpen: boolean;
}

const FIXED = 0x12; // bits 1 and 4 are always 1 in DLE EOT replies

/** The reply byte to DLE EOT n (n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export function dleEotReply(n: number, c: SimCondition): number {
  const offline = c.coverOpen || c.paper === 'out';
  switch (n) {
    case 1:
      return FIXED | (c.drawerOpen ? 0x04 : 0) | (offline ? 0x08 : 0);
    case 2:
      return FIXED | (c.coverOpen ? 0x04 : 0) | (c.paper === 'out' ? 0x20 : 0) | (offline ? 0x40 : 0);
    case 3:
      return FIXED;
    case 4:
      return FIXED | (c.paper !== 'ok' ? 0x0c : 0) | (c.paper === 'out' ? 0x60 : 0);
    default:
      return FIXED;
  }
}

/** Automatic status back (GS a): four bytes, first byte xxx1xx00 so a host can tell it from DLE EOT. */
export function asbBytes(c: SimCondition): Buffer {
  const offline = c.coverOpen || c.paper === 'out';
  return Buffer.from([
    0x10 | (c.drawerOpen ? 0x04 : 0) | (offline ? 0x08 : 0) | (c.coverOpen ? 0x20 : 0),
    0x00,
    (c.paper !== 'ok' ? 0x03 : 0) | (c.paper === 'out' ? 0x0c : 0),
    0x00,
  ]);
}
