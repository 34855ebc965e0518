// The receipt's language follows the store's locale; an unknown language prints in English.
import { storeLanguageOf, type StoreLanguage } from '../../../domain/locale.js';
import { da } from './da.js';
import { en } from './en.js';
import { fi } from './fi.js';
import type { Messages } from './types.js';
import { uk } from './uk.js';
import { zhCN } from './zh-cn.js';
import { zhTW } from './zh-tw.js';

export type { Messages } from './types.js';

export const RECEIPT_LANGUAGES = { en, da, fi, uk, 'zh-TW': zhTW, 'zh-CN': zhCN } as const satisfies Record<
  StoreLanguage,
  Messages
>;

/** Messages for a BCP 47 locale: zh-TW / zh-HK / zh-Hant give Traditional, other zh Simplified. */
export function messagesFor(locale: string): Messages {
  return RECEIPT_LANGUAGES[storeLanguageOf(locale)];
}
