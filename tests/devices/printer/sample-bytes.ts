import iconv from 'iconv-lite';

/**
 * Hand-built ESC/POS for tests (independent of the encoder): a small receipt with Danish text in CP865,
 * Ukrainian in CP866, Chinese through FS & in the model's two-byte encoding, a QR code, a CODE39
 * barcode and a partial cut.
 */
export function sampleReceipt(cjk: 'gb18030' | 'big5' = 'gb18030', number = 'R-0001'): Buffer {
  const qr = Buffer.from('https://shop.example/r/' + number, 'utf8');
  const storeLen = qr.length + 3;
  return Buffer.concat([
    Buffer.from([0x1b, 0x40]),
    Buffer.from([0x1b, 0x61, 0x01, 0x1b, 0x45, 0x01, 0x1d, 0x21, 0x11]),
    Buffer.from('BUTIK NORD\n', 'latin1'),
    Buffer.from([0x1d, 0x21, 0x00, 0x1b, 0x45, 0x00, 0x1b, 0x61, 0x00]),
    Buffer.from([0x1b, 0x74, 0x05]),
    iconv.encode('Rødgrød med fløde      12,50\n', 'cp865'),
    Buffer.from([0x1b, 0x74, 0x11]),
    iconv.encode('Молоко 1 л             2,10\n', 'cp866'),
    Buffer.from([0x1c, 0x26]),
    iconv.encode('牛奶 1L', cjk),
    Buffer.from([0x1c, 0x2e]),
    Buffer.from('                 3,40\n', 'latin1'),
    Buffer.from([0x1b, 0x61, 0x02, 0x1b, 0x45, 0x01]),
    Buffer.from('TOTAL 18,00\n', 'latin1'),
    Buffer.from([0x1b, 0x45, 0x00, 0x1b, 0x61, 0x01]),
    Buffer.from([0x1d, 0x28, 0x6b, storeLen & 0xff, storeLen >> 8, 49, 80, 48]),
    qr,
    Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48]),
    Buffer.from([0x1d, 0x6b, 69, number.length]),
    Buffer.from(number, 'latin1'),
    Buffer.from([0x1d, 0x76, 0x30, 0x00, 2, 0, 3, 0, 1, 2, 3, 4, 5, 6]),
    Buffer.from([0x1b, 0x64, 0x03, 0x1d, 0x56, 0x42, 0x00]),
  ]);
}
