import { describe, expect, it } from 'vitest';
import { EscposBuilder, commands, stripControls, toPrintable } from '../../../devices/escpos/index.js';
import { getPrinterProfile } from '../../../firmware-profiles/index.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const epson = getPrinterProfile('epson-tm-t20iii');
const body = (b: EscposBuilder): string => hex(b.build());

describe('text encoding', () => {
  it('switches ESC t between CP865 and CP866 inside one receipt, only when the page lacks a character', () => {
    const bytes = new EscposBuilder(epson).text('Smørrebrød / Молоко ø').build();
    const ascii = (s: string): string => Buffer.from(s, 'ascii').toString('hex');
    // ø is 0x9B in CP865 (table 5); Молоко is 8C AE AB AE AA AE in CP866 (table 17).
    expect(hex(bytes)).toBe(
      ascii('Sm') +
        '1b7405' +
        '9b' +
        ascii('rrebr') +
        '9b' +
        ascii('d / ') +
        '1b7411' +
        '8caeabaeaaae' +
        ascii(' ') +
        '1b7405' +
        '9b',
    );
  });

  it('prints 牛奶 as GB18030 and 鮮乳 as Big5 inside FS & ... FS .', () => {
    const gb = new EscposBuilder(getPrinterProfile('xprinter-xp-q200')).init().text('牛奶 1').build();
    expect(hex(gb)).toBe('1b40' + '1c2e' + '1c26' + 'c5a3c4cc' + '2031');
    const big5 = new EscposBuilder(getPrinterProfile('xprinter-xp-80-tw')).init().text('鮮乳 ø').build();
    expect(hex(big5)).toBe('1b40' + '1c2e' + '1c26' + 'c241a8c5' + '20' + '1c2e' + '1b7405' + '9b');
  });

  it('strips control bytes from catalog text', () => {
    expect(stripControls('Milk\x1b@\x1dV\x00\x07\x7f\u0085\u009b1\tL\r\n2')).toBe('Milk@V\n1 L\n2');
    expect(body(new EscposBuilder(epson).text('A\x1bB\x1d'))).toBe('4142');
  });

  it('transliterates only what no listed page has', () => {
    const xp80 = getPrinterProfile('xprinter-xp-80');
    expect(toPrintable('Київ ø €', epson)).toBe('Київ ø €');
    expect(toPrintable('Київ, місто', { codePages: [{ name: 'cp866', escposTable: 17 }] })).toBe(
      'Київ, мiсто',
    );
    expect(toPrintable('ø€ 鮮', { codePages: [{ name: 'cp437', escposTable: 0 }] })).toBe('oEUR ?');
    expect(toPrintable('ø €', xp80)).toBe('ø €');
  });
});

describe('commands', () => {
  it('frames a QR code: model 2, size, level, store, print', () => {
    expect(hex(commands.qrCode(Buffer.from('AB'), 6, 'M'))).toBe(
      '1d286b0400314132' +
        '00' +
        '1d286b03003143' +
        '06' +
        '1d286b03003145' +
        '31' +
        '1d286b0500315030' +
        '4142' +
        '1d286b0300315130',
    );
  });

  it('frames Code 128: code set C for the receipt number digits, B otherwise', () => {
    expect(hex(commands.code128('R00300000127', { height: 60 }))).toBe(
      '1d4802' + '1d683c' + '1d7702' + '1d6b49' + '0e' + '7b42' + Buffer.from('R00300000127').toString('hex'),
    );
    expect(hex(commands.code128('00300000127'.padStart(12, '0'), {}))).toBe(
      '1d4802' + '1d6850' + '1d7702' + '1d6b49' + '08' + '7b43' + '00030000011b',
    );
  });

  it('cuts as the profile says and kicks pin 2 (m=0) or pin 5 (m=1)', () => {
    expect(body(new EscposBuilder(epson).cut())).toBe('1d564200');
    expect(body(new EscposBuilder(getPrinterProfile('xprinter-xp-80')).cut())).toBe('1d564100');
    expect(body(new EscposBuilder(epson).kick(2))).toBe('1b7000197d'.replace('7d', 'fa'));
    expect(body(new EscposBuilder(epson).kick(5))).toBe('1b700119fa');
    expect(() => new EscposBuilder(getPrinterProfile('xprinter-xp-80')).kick(5)).toThrow(/pin 5/);
  });
});
