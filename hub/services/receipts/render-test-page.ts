// The test page a technician prints from the device registry: what the profile says the printer can do,
// shown by doing it (column ruler, each listed code page, the two-byte font, sizes, QR, barcode, cut).
import type { PrinterProfile } from '../../../firmware-profiles/schema.js';
import type { StoreSettings } from '../settings/settings-schema.js';
import { block } from './document.js';
import type { ReceiptBlock, ReceiptDocument } from './document.js';
import { createFormatter } from './format.js';
import { messagesFor } from './messages/index.js';

const SAMPLES: Readonly<Record<string, string>> = {
  cp865: 'Æble, rødgrød med fløde, Århus',
  cp850: 'Äiti, pöytä, Ñandú, Çà',
  cp858: 'Äiti, pöytä, € 12,30',
  cp1252: 'Grüße, € 12,30, Łódź',
  cp866: 'Молоко, Київ, їжак',
  cp1251: 'Молоко, Київ, ґанок, і',
  cp437: 'Café, naïve, 1½',
};
const CJK: Readonly<Record<string, string>> = {
  gb18030: '牛奶 面包 谢谢惠顾',
  big5: '鮮乳 麵包 謝謝光臨',
  shift_jis: '牛乳 パン',
};

export function renderTestPage(profile: PrinterProfile, store: StoreSettings, at: string): ReceiptDocument {
  const m = messagesFor(store.locale);
  const f = createFormatter(store.locale, store.currency, store.timeZone);
  const ruler = Array.from({ length: profile.columns.fontA }, (_, i) => String((i + 1) % 10)).join('');
  const blocks: ReceiptBlock[] = [
    block.center(m.testPage, { size: 'double', bold: true }),
    block.center(`${profile.vendor} ${profile.model}`, { bold: true }),
    block.center(profile.id),
    block.text(f.dateTime(at)),
    block.rule('='),
    block.text(
      `${m.columns}: ${profile.columns.fontA} / ${profile.columns.fontB}, ${profile.paperWidthMm} mm, ${profile.printableDots} dots`,
    ),
    block.text(ruler),
    block.rule(),
  ];
  for (const page of profile.codePages) {
    blocks.push(
      block.text(`${page.name} (ESC t ${page.escposTable}): ${SAMPLES[page.name] ?? 'ABC abc 123'}`),
    );
  }
  if (profile.cjk) blocks.push(block.text(`${profile.cjk.encoding}: ${CJK[profile.cjk.encoding] ?? ''}`));
  blocks.push(
    block.rule(),
    block.text('Bold', { bold: true }),
    block.text('Wide', { size: 'wide' }),
    block.text('Tall', { size: 'tall' }),
    block.text('Double', { size: 'double' }),
    block.pair('Left', f.money(123456)),
  );
  if (profile.qr) blocks.push(block.feed(1), block.qr(`test:${profile.id}`));
  blocks.push(block.barcode('R00100000001'), block.center(store.name));
  return { kind: 'test-page', copy: false, blocks, cut: true };
}
