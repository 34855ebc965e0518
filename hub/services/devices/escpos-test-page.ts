/**
 * A test page in plain ESC/POS that every receipt printer understands: initialise (ESC @), a few lines
 * of ASCII, feed, partial cut (GS V 66 n). It is built here rather than with the receipt renderer so a
 * printer can be checked before its profile's code pages and widths are trusted.
 */
const ESC = 0x1b;
const GS = 0x1d;

export function testPage(lines: readonly string[]): Buffer {
  const text = lines.map((line) => asciiOnly(line)).join('\n');
  return Buffer.concat([
    Buffer.from([ESC, 0x40]),
    Buffer.from([ESC, 0x61, 0x01]), // centre
    Buffer.from([ESC, 0x45, 0x01]), // bold on
    Buffer.from('TEST PAGE\n', 'ascii'),
    Buffer.from([ESC, 0x45, 0x00, ESC, 0x61, 0x00]),
    Buffer.from(`${text}\n`, 'ascii'),
    Buffer.from([ESC, 0x64, 0x04]), // feed 4 lines so the cut clears the text
    Buffer.from([GS, 0x56, 0x42, 0x00]),
  ]);
}

/** Printable ASCII only: names typed by a technician must not smuggle printer commands in. */
function asciiOnly(line: string): string {
  return line.replace(/[^\x20-\x7e]/g, '?').slice(0, 48);
}

export function testPageLines(device: { name: string; id: string; profileId: string }, at: string): string[] {
  return [
    `Device: ${device.name}`,
    `Id: ${device.id}`,
    `Profile: ${device.profileId}`,
    `At: ${at}`,
    'If you can read this, printing works.',
  ];
}
