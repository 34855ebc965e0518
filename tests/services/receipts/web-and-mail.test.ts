import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../devices/escpos/index.js';
import { lanBaseUrl } from '../../../hub/net/lan-url.js';
import { renderReceipt } from '../../../hub/services/receipts/index.js';
import { receiptToHtml } from '../../../hub/services/receipts/to-html.js';
import { receiptToPlainText } from '../../../hub/services/receipts/to-text.js';
import { line, payment, sale, store } from './fixtures.js';

const hostile = '<img src=x onerror="alert(1)"> & "Brød"';

function doc(copy = false) {
  const s = sale('DKK', [line(hostile, 2195, 2), line('牛奶 936ml', 9500, 1)], {}, [payment('cash', 13890)]);
  return renderReceipt(
    s,
    store('da-DK', 'DKK', 'DK', 'Europe/Copenhagen', { receiptFooter: 'Åbent\nalle dage' }),
    {
      copy,
      profile: null,
      receiptUrl: 'https://shop.example/r/1-1?t=abc',
    },
  );
}

describe('the receipt as a web page and a mail', () => {
  it('escapes every text, keeps CJK, leaves out the QR code', () => {
    const html = receiptToHtml(doc());
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#34;Brød&#34;');
    expect(html).toContain('牛奶 936ml');
    expect(html).toContain('Åbent\nalle dage');
    expect(html).not.toContain('shop.example');
    expect(html).toMatch(
      /<div class="pair size-tall bold"><span>TOTAL<\/span><span class="amount">138,90\skr.<\/span><\/div>/,
    );
  });

  it('marks a copy', () => {
    expect(receiptToHtml(doc(true))).toContain('<article class="receipt copy">');
    expect(receiptToHtml(doc(true))).toContain('>KOPI</p>');
  });

  it('lays the mail text out in 40 columns with every character kept', () => {
    const text = receiptToPlainText(doc());
    for (const row of text.split('\n')) expect(textWidth(row)).toBeLessThanOrEqual(40);
    expect(text).toContain('牛奶 936ml');
    expect(text).toMatch(/^TOTAL +138,90\skr\.$/m);
    expect(text).not.toContain('[QR');
  });
});

describe('the hub’s LAN address for the demo’s QR codes', () => {
  const ifaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    docker0: [{ address: '172.17.0.1', family: 'IPv4', internal: false }],
    wlan0: [
      { address: 'fe80::1', family: 'IPv6', internal: false },
      { address: '192.168.1.23', family: 'IPv4', internal: false },
    ],
  } as unknown as Parameters<typeof lanBaseUrl>[2];

  it('takes the physical interface’s IPv4 address when bound to every address', () => {
    expect(lanBaseUrl('0.0.0.0', 8080, ifaces)).toBe('http://192.168.1.23:8080');
  });

  it('takes the bound address when there is one, and localhost when nothing else exists', () => {
    expect(lanBaseUrl('127.0.0.1', 9000, ifaces)).toBe('http://127.0.0.1:9000');
    expect(lanBaseUrl('::', 8080, {})).toBe('http://localhost:8080');
  });
});
