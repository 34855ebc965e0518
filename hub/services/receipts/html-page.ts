// A small self-contained HTML document (no scripts, styles inline) for the public receipt page and the
// HTML part of an e-mailed receipt. Content is HTML the caller built from escaped text.
import { escapeHtml } from '../../domain/html-escape.js';
import { RECEIPT_CSS } from './to-html.js';

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;padding:1rem .75rem 2rem;background:#eef1f5;color:#16202b;font:16px/1.45 system-ui,-apple-system,
  "Segoe UI",Roboto,"Noto Sans","PingFang TC","PingFang SC","Microsoft JhengHei","Microsoft YaHei",sans-serif}
.intro{max-width:26rem;margin:0 auto 1rem}
.missing{max-width:26rem;margin:3rem auto;text-align:center}
a{color:#0b57d0}
`;

export interface HtmlPageInput {
  /** BCP 47 language of the page (the store's locale). */
  lang: string;
  title: string;
  /** Trusted HTML: built by the receipts module from escaped text. */
  contentHtml: string;
}

export function htmlPage(page: HtmlPageInput): string {
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(page.title)}</title>
<style>${PAGE_CSS}${RECEIPT_CSS}</style>
</head>
<body>
${page.contentHtml}
</body>
</html>
`;
}
