// What a customer display says, per store language: short forms for 20 columns. Labels a display cannot
// show (Chinese on a single-byte pole display) fall back to English in the layout, never to "??".
import { storeLanguageOf, type StoreLanguage } from '../../domain/locale.js';

export interface DisplayMessages {
  total: string;
  /** What is still to pay after a part payment. */
  due: string;
  paid: string;
  change: string;
  refund: string;
  thankYou: string;
  welcome: string;
}

export const en: DisplayMessages = {
  total: 'TOTAL',
  due: 'DUE',
  paid: 'PAID',
  change: 'CHANGE',
  refund: 'REFUND',
  thankYou: 'Thank you!',
  welcome: 'Welcome!',
};

const da: DisplayMessages = {
  total: 'I ALT',
  due: 'AT BETALE',
  paid: 'BETALT',
  change: 'BYTTEPENGE',
  refund: 'RETUR',
  thankYou: 'Tak for besøget!',
  welcome: 'Velkommen!',
};

const fi: DisplayMessages = {
  total: 'YHTEENSÄ',
  due: 'MAKSETTAVA',
  paid: 'MAKSETTU',
  change: 'VAIHTORAHA',
  refund: 'PALAUTUS',
  thankYou: 'Kiitos käynnistä!',
  welcome: 'Tervetuloa!',
};

// Not in capitals: a display without Cyrillic shows the driver's Latin, and "РЕШТА" would read "REShTA".
const uk: DisplayMessages = {
  total: 'Разом',
  due: 'До сплати',
  paid: 'Сплачено',
  change: 'Решта',
  refund: 'Повернення',
  thankYou: 'Дякуємо!',
  welcome: 'Ласкаво просимо!',
};

const zhTW: DisplayMessages = {
  total: '合計',
  due: '應付',
  paid: '已付',
  change: '找零',
  refund: '退款',
  thankYou: '謝謝光臨',
  welcome: '歡迎光臨',
};

const zhCN: DisplayMessages = {
  total: '合计',
  due: '应付',
  paid: '已付',
  change: '找零',
  refund: '退款',
  thankYou: '谢谢惠顾',
  welcome: '欢迎光临',
};

const DISPLAY_LANGUAGES: Record<StoreLanguage, DisplayMessages> = {
  en,
  da,
  fi,
  uk,
  'zh-TW': zhTW,
  'zh-CN': zhCN,
};

/** The same language choice as receipts: zh-TW / zh-HK / zh-Hant Traditional, other zh Simplified. */
export function displayMessagesFor(locale: string): DisplayMessages {
  return DISPLAY_LANGUAGES[storeLanguageOf(locale)];
}
