import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { getPrinterProfile, getProfile, loadProfiles, ProfileError } from '../../firmware-profiles/index.js';
import type { PrinterProfile } from '../../firmware-profiles/index.js';

const profiles = loadProfiles();
const printers = profiles.all.filter((p): p is PrinterProfile => p.kind === 'printer');

function dirWith(files: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, 'printers'), { recursive: true });
    writeFileSync(join(dir, 'printers', `${name}.json`), JSON.stringify(data));
  }
  return dir;
}

describe('shipped firmware profiles', () => {
  it('has every model the device bus needs, each kind represented', () => {
    const ids = profiles.all.map((p) => p.id);
    for (const id of [
      'epson-tm-t20iii',
      'epson-tm-t88vi',
      'star-tsp143iv',
      'xprinter-xp-80',
      'xprinter-xp-80-tw',
      'xprinter-xp-q200',
      'mettler-toledo-ariva-s',
      'cas-pd-ii',
      'avery-berkel-6702',
      'honeywell-voyager-1450g',
      'epson-dm-d110',
      'adyen-v400m',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(profiles.all.map((p) => p.kind))).toEqual(
      new Set(['printer', 'scale', 'scanner', 'display', 'terminal']),
    );
  });

  it.each(printers.map((p) => [p.id, p] as const))(
    '%s: columns, code pages iconv can encode, transports with settings',
    (_id, p) => {
      expect(p.columns.fontA).toBeGreaterThan(0);
      expect(p.columns.fontB).toBeGreaterThan(p.columns.fontA);
      expect(p.codePages.length).toBeGreaterThan(0);
      for (const page of p.codePages) expect(iconv.encodingExists(page.name)).toBe(true);
      if (p.cjk) expect(iconv.encodingExists(p.cjk.encoding)).toBe(true);
      if (p.transports.includes('tcp')) expect(p.tcp?.port).toBe(9100);
      if (p.transports.includes('serial')) expect(p.serial).not.toBeNull();
      for (const pin of p.drawerPins) expect([2, 5]).toContain(pin);
    },
  );

  it('resolves inheritance: a child keeps its parent fields and overrides its own', () => {
    const tw = getPrinterProfile('xprinter-xp-80-tw');
    expect(tw.extends).toBe('xprinter-xp-80');
    expect(tw.cjk).toEqual({ encoding: 'big5', mode: 'fs-and', defaultOn: true, fsC: null });
    expect(tw.cutter).toBe('full'); // from xprinter-xp-80
    expect(tw.drawerPins).toEqual([2]);
    expect(tw.tcp).toEqual({ port: 9100 }); // from escpos-generic-80mm
    expect(tw.serial).toMatchObject({ baudRate: 19200, flowControl: 'none', dataBits: 8 }); // merged objects
    expect(getPrinterProfile('xprinter-xp-q200').cjk?.encoding).toBe('gb18030');
    expect(getPrinterProfile('epson-tm-t88vi').columns).toEqual({ fontA: 42, fontB: 56 });
  });

  it('looks up by id and kind', () => {
    expect(getProfile('mettler-toledo-ariva-s')).toMatchObject({ kind: 'scale', protocol: 'toledo-8217' });
    expect(profiles.require('adyen-v400m', 'terminal').transport.port).toBe(8443);
    expect(() => getPrinterProfile('cas-pd-ii')).toThrow(/is a scale, not a printer/);
    expect(() => getProfile('nope')).toThrow(/Unknown firmware profile "nope"/);
  });
});

describe('bad profiles are refused naming file and field', () => {
  it('a wrong field type in a fixture', () => {
    const dir = new URL('./fixtures/bad-field/', import.meta.url).pathname;
    expect(() => loadProfiles(dir)).toThrow(ProfileError);
    expect(() => loadProfiles(dir)).toThrow(/printers\/broken-model\.json \(columns\.fontA\):/);
  });

  it('an unknown parent, a cycle, an id that is not the file name, invalid JSON, a missing field', () => {
    const base = { kind: 'printer', vendor: 'V', model: 'M' };
    expect(() => loadProfiles(dirWith({ a: { ...base, id: 'a', extends: 'ghost' } }))).toThrow(
      /printers\/a\.json \(extends\): unknown parent "ghost"/,
    );
    expect(() =>
      loadProfiles(dirWith({ a: { ...base, id: 'a', extends: 'b' }, b: { ...base, id: 'b', extends: 'a' } })),
    ).toThrow(/\(extends\): inheritance cycle (a -> b -> a|b -> a -> b)/);
    expect(() => loadProfiles(dirWith({ a: { ...base, id: 'other' } }))).toThrow(
      /printers\/a\.json \(id\): "other" must match/,
    );
    expect(() => loadProfiles(dirWith({ a: { ...base, id: 'a' } }))).toThrow(
      /printers\/a\.json \(commandSet\)/,
    );
    const dir = dirWith({});
    mkdirSync(join(dir, 'scales'));
    writeFileSync(join(dir, 'scales', 'x.json'), '{ nope');
    expect(() => loadProfiles(dir)).toThrow(/scales\/x\.json: not valid JSON/);
  });

  it('a child of another kind than its parent', () => {
    const generic = getPrinterProfile('escpos-generic-80mm');
    const dir = dirWith({
      'escpos-generic-80mm': generic,
      s: { id: 's', kind: 'scale', extends: 'escpos-generic-80mm' },
    });
    expect(() => loadProfiles(dir)).toThrow(/printers\/s\.json \(kind\): "scale" differs/);
  });
});
