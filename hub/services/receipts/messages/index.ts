// The receipt's language follows the store's locale; an unknown language prints in English.
import { da } from './da.js';
import { en } from './en.js';
import { fi } from './fi.js';
import type { Messages } from './types.js';
import { uk } from './uk.js';
import { zhCN } from './zh-cn.js';
import { zhTW } from './zh-tw.js';

export type { Messages } from './types.js';

export const RECEIPT_LANGUAGES = { en, da, fi, uk, 'zh-TW': zhTW, 'zh-CN': zhCN } as const;

/** Messages for a BCP 47 locale: zh-TW / zh-HK / zh-Hant give Traditional, other zh Simplified. */
export function messagesFor(locale: string): Messages {
  const loc = new Intl.Locale(locale).maximize();
  switch (loc.language) {
    case 'da':
      return da;
    case 'fi':
      return fi;
    case 'uk':
      return uk;
    case 'zh':
      return loc.script === 'Hant' ? zhTW : zhCN;
    default:
      return en;
  }
}
