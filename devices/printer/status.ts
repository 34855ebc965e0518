/** What the printer's sensors say, decoded from DLE EOT replies or automatic status back. */
export interface PrinterCondition {
  online: boolean;
  paper: 'ok' | 'near_end' | 'out';
  coverOpen: boolean;
  /** Pin 3 of the drawer connector is high. Whether high means open depends on the drawer. */
  drawerPin3High: boolean;
}

/** DLE EOT n: n 1 printer, 2 offline cause, 4 roll paper sensor (ESC/POS real-time status). */
export const DLE_EOT = (n: 1 | 2 | 3 | 4): Buffer => Buffer.from([0x10, 0x04, n]);
/** GS a n: automatic status back for drawer (1), online (2), error (4) and paper (8) changes. */
export const GS_A = (mask: number): Buffer => Buffer.from([0x1d, 0x61, mask]);

/** A DLE EOT reply always has bit 4 set and bits 0 and 7 clear (and bit 1 set). */
export function isDleEotReply(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** The first byte of a 4-byte ASB packet: xxx1xx00, so it never looks like a DLE EOT reply. */
export function isAsbHeader(byte: number): boolean {
  return (byte & 0x93) === 0x10;
}

export function fromDleEot(printer: number, offlineCause: number, paper: number): PrinterCondition {
  const paperOut = (paper & 0x60) === 0x60 || (offlineCause & 0x20) !== 0;
  const nearEnd = (paper & 0x0c) === 0x0c;
  return {
    online: (printer & 0x08) === 0,
    paper: paperOut ? 'out' : nearEnd ? 'near_end' : 'ok',
    coverOpen: (offlineCause & 0x04) !== 0,
    drawerPin3High: (printer & 0x04) !== 0,
  };
}

export function fromAsb(packet: Buffer): PrinterCondition {
  const first = packet[0] ?? 0;
  const paper = packet[2] ?? 0;
  return {
    online: (first & 0x08) === 0,
    paper: (paper & 0x0c) !== 0 ? 'out' : (paper & 0x03) !== 0 ? 'near_end' : 'ok',
    coverOpen: (first & 0x20) !== 0,
    drawerPin3High: (first & 0x04) !== 0,
  };
}

/** Why a print must wait: the error code of the reply, or null when the printer can print. */
export function refusal(c: PrinterCondition): { code: string; message: string } | null {
  if (c.paper === 'out') return { code: 'PAPER_OUT', message: 'The printer is out of paper' };
  if (c.coverOpen) return { code: 'COVER_OPEN', message: 'The printer cover is open' };
  if (!c.online) return { code: 'OFFLINE', message: 'The printer is offline' };
  return null;
}

export function sameCondition(a: PrinterCondition | null, b: PrinterCondition): boolean {
  return (
    a !== null &&
    a.online === b.online &&
    a.paper === b.paper &&
    a.coverOpen === b.coverOpen &&
    a.drawerPin3High === b.drawerPin3High
  );
}
