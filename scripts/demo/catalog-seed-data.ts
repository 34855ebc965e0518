// Demo catalog data: base items per category with names in the preset languages, and the prices they
// would have in euro cents. The seed turns each into a few sizes or kinds and into the store currency.
import type { PresetCountry } from '../../hub/services/settings/presets.js';

export type Lang = 'da' | 'fi' | 'zh' | 'uk' | 'en';

export const LANG_OF: Readonly<Record<PresetCountry, Lang>> = {
  DK: 'da',
  FI: 'fi',
  TW: 'zh',
  CN: 'zh',
  UA: 'uk',
  US: 'en',
};

export interface DemoCategory {
  key: string;
  /** 'da|fi|zh|uk|en'. */
  names: string;
  /** Groceries take the reduced food rate where the country has one. */
  food: boolean;
  /** Sold by weight at the scale (unit kg). */
  weighed?: boolean;
  /** Sold with a scale label: 'price' embeds the price, 'weight' the grams. */
  label?: 'price' | 'weight';
  /** Size or kind suffixes (language-neutral), one product per suffix and item, price factor in percent. */
  sizes: readonly (readonly [string, number])[];
  /** 'da|fi|zh|uk|en' names; a leading '!' keeps that item's name in its own language everywhere. */
  items: readonly (readonly [string, number])[];
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    key: 'bakery',
    names: 'Bageri|Leipomo|烘焙|Випічка|Bakery',
    food: true,
    sizes: [
      ['', 100],
      ['x2', 190],
      ['x4', 360],
      ['XL', 150],
    ],
    items: [
      ['!Rugbrød|Rugbrød|Rugbrød|Rugbrød|Rugbrød', 300],
      ['!Ruisleipä|Ruisleipä|Ruisleipä|Ruisleipä|Ruisleipä', 280],
      ['Franskbrød|Vaalea leipä|白吐司|Білий хліб|White bread', 250],
      ['Croissant|Voisarvi|可頌|Круасан|Croissant', 150],
      ['Kanelsnegl|Korvapuusti|肉桂捲|Булочка з корицею|Cinnamon roll', 180],
      ['Boller|Sämpylät|小餐包|Булочки|Bread rolls', 120],
    ],
  },
  {
    key: 'dairy',
    names: 'Mejeri|Maitotuotteet|乳製品|Молочні продукти|Dairy',
    food: true,
    sizes: [
      ['250 ml', 40],
      ['500 ml', 65],
      ['1 l', 100],
      ['1,5 l', 140],
    ],
    items: [
      ['Letmælk|Kevytmaito|低脂牛奶|Молоко 1,5%|Low-fat milk', 120],
      ['Sødmælk|Täysmaito|全脂牛奶|Молоко 3,2%|Whole milk', 130],
      ['!鮮乳 牛奶|鮮乳 牛奶|鮮乳 牛奶|鮮乳 牛奶|鮮乳 牛奶', 190],
      ['Yoghurt naturel|Maustamaton jogurtti|原味優格|Йогурт натуральний|Plain yoghurt', 160],
      ['Kærnemælk|Piimä|酪乳|Кефір|Buttermilk', 140],
      ['Piskefløde|Kuohukerma|鮮奶油|Вершки 33%|Whipping cream', 260],
    ],
  },
  {
    key: 'produce',
    names: 'Frugt & grønt|Hedelmät ja vihannekset|蔬果|Овочі та фрукти|Fruit & veg',
    food: true,
    weighed: true,
    sizes: [
      ['', 100],
      ['BIO', 140],
      ['XL', 115],
      ['mini', 120],
    ],
    items: [
      ['Æbler|Omenat|蘋果|Яблука|Apples', 250],
      ['Bananer|Banaanit|香蕉|Банани|Bananas', 200],
      ['Kartofler|Perunat|馬鈴薯|Картопля|Potatoes', 120],
      ['Gulerødder|Porkkanat|胡蘿蔔|Морква|Carrots', 140],
      ['Rødbeder|Punajuuret|甜菜根|Буряк|Beetroot', 160],
      ['Tomater|Tomaatit|番茄|Помідори|Tomatoes', 390],
    ],
  },
  {
    key: 'deli',
    names: 'Kød & pålæg|Liha ja leikkeleet|肉品熟食|М’ясо та делікатеси|Meat & deli',
    food: true,
    weighed: true,
    label: 'price',
    sizes: [
      ['', 100],
      ['BIO', 150],
      ['XL', 90],
      ['mini', 115],
    ],
    items: [
      ['Hamburgerryg|Savukinkku|火腿|Шинка|Smoked ham', 2400],
      ['Rullepølse|Rullasylt|肉捲|Рулет м’ясний|Rolled sausage', 2200],
      ['Leverpostej|Maksapasteija|肝醬|Паштет печінковий|Liver pâté', 1400],
      ['Hakket oksekød|Naudan jauheliha|牛絞肉|Фарш яловичий|Minced beef', 1300],
      ['Kyllingebryst|Broilerin rintafile|雞胸肉|Куряче філе|Chicken breast', 1500],
      ['!Сало|Сало|Сало|Сало|Сало', 1800],
    ],
  },
  {
    key: 'cheese',
    names: 'Ost|Juustot|起司|Сири|Cheese',
    food: true,
    weighed: true,
    label: 'weight',
    sizes: [
      ['', 100],
      ['BIO', 140],
      ['XL', 95],
      ['mini', 130],
    ],
    items: [
      ['Danbo 45+|Danbo 45+|丹麥起司|Сир Данбо|Danbo cheese', 1200],
      ['Havarti|Havarti|哈瓦蒂起司|Сир Хаварті|Havarti', 1400],
      ['!Leipäjuusto|Leipäjuusto|Leipäjuusto|Leipäjuusto|Leipäjuusto', 1900],
      ['Feta|Feta|菲達起司|Фета|Feta', 1600],
      ['Gouda|Gouda|高達起司|Гауда|Gouda', 1300],
      ['Brie|Brie|布里起司|Брі|Brie', 2100],
    ],
  },
  {
    key: 'drinks',
    names: 'Drikkevarer|Juomat|飲料|Напої|Drinks',
    food: false,
    sizes: [
      ['330 ml', 60],
      ['500 ml', 80],
      ['1 l', 100],
      ['1,5 l', 130],
    ],
    items: [
      ['Cola|Cola|可樂|Кола|Cola', 220],
      ['Danskvand citron|Kivennäisvesi sitruuna|檸檬氣泡水|Мінеральна вода лимон|Sparkling water lemon', 150],
      ['Appelsinjuice|Appelsiinimehu|柳橙汁|Апельсиновий сік|Orange juice', 280],
      ['Æblemost|Omenamehu|蘋果汁|Яблучний сік|Apple juice', 260],
      ['Pilsner|Lager|啤酒|Пиво світле|Lager beer', 180],
      ['!Квас|Квас|Квас|Квас|Квас', 160],
    ],
  },
  {
    key: 'snacks',
    names: 'Snacks & slik|Naposteltavat|零食|Снеки|Snacks',
    food: true,
    sizes: [
      ['100 g', 55],
      ['175 g', 80],
      ['250 g', 100],
      ['400 g', 150],
    ],
    items: [
      ['Chips salt|Sipsit suola|洋芋片|Чипси сіль|Salted crisps', 250],
      ['Lakrids|Lakritsi|甘草糖|Лакриця|Liquorice', 300],
      ['Mørk chokolade|Tumma suklaa|黑巧克力|Чорний шоколад|Dark chocolate', 350],
      ['Nøddemix|Pähkinäsekoitus|綜合堅果|Горіхова суміш|Mixed nuts', 450],
      ['!Salmiakki|Salmiakki|Salmiakki|Salmiakki|Salmiakki', 280],
      ['!牛肉乾|牛肉乾|牛肉乾|牛肉乾|牛肉乾', 520],
    ],
  },
  {
    key: 'household',
    names: 'Husholdning|Kotitalous|家用品|Побутові товари|Household',
    food: false,
    sizes: [
      ['', 100],
      ['x2', 180],
      ['x4', 330],
      ['XL', 160],
    ],
    items: [
      ['Opvaskemiddel|Astianpesuaine|洗碗精|Засіб для миття посуду|Dish soap', 290],
      ['Køkkenrulle|Talouspaperi|廚房紙巾|Паперові рушники|Kitchen roll', 350],
      ['Toiletpapir|WC-paperi|衛生紙|Туалетний папір|Toilet paper', 420],
      ['Vaskepulver|Pyykinpesujauhe|洗衣粉|Пральний порошок|Washing powder', 890],
      ['Affaldsposer|Jätepussit|垃圾袋|Пакети для сміття|Bin bags', 260],
      ['Stearinlys|Kynttilät|蠟燭|Свічки|Candles', 400],
    ],
  },
  {
    key: 'care',
    names: 'Personlig pleje|Hygienia|個人護理|Особиста гігієна|Personal care',
    food: false,
    sizes: [
      ['50 ml', 50],
      ['100 ml', 80],
      ['250 ml', 100],
      ['500 ml', 170],
    ],
    items: [
      ['Shampoo|Shampoo|洗髮精|Шампунь|Shampoo', 450],
      ['Tandpasta|Hammastahna|牙膏|Зубна паста|Toothpaste', 250],
      ['Håndsæbe|Käsisaippua|洗手乳|Рідке мило|Hand soap', 220],
      ['Bodylotion|Vartalovoide|身體乳|Лосьйон для тіла|Body lotion', 520],
      ['Deodorant|Deodorantti|止汗劑|Дезодорант|Deodorant', 380],
      ['Solcreme|Aurinkovoide|防曬乳|Сонцезахисний крем|Sun cream', 990],
    ],
  },
  {
    key: 'tea',
    names: 'Te|Tee|茶葉|Чай|Tea',
    food: true,
    sizes: [
      ['50 g', 45],
      ['100 g', 80],
      ['250 g', 180],
      ['500 g', 330],
    ],
    items: [
      ['!烏龍茶|烏龍茶|烏龍茶|烏龍茶|烏龍茶', 900],
      ['!鐵觀音|鐵觀音|鐵觀音|鐵觀音|鐵觀音', 1200],
      ['!龙井绿茶|龙井绿茶|龙井绿茶|龙井绿茶|龙井绿茶', 1400],
      ['!普洱茶|普洱茶|普洱茶|普洱茶|普洱茶', 1100],
      ['!茉莉花茶|茉莉花茶|茉莉花茶|茉莉花茶|茉莉花茶', 700],
      ['!白毫銀針|白毫銀針|白毫銀針|白毫銀針|白毫銀針', 2400],
    ],
  },
  {
    key: 'frozen',
    names: 'Frost|Pakasteet|冷凍食品|Заморожені продукти|Frozen',
    food: true,
    sizes: [
      ['300 g', 60],
      ['500 g', 90],
      ['750 g', 120],
      ['1 kg', 150],
    ],
    items: [
      ['Ærter|Herneet|冷凍豌豆|Горошок заморожений|Frozen peas', 200],
      ['Pizza|Pizza|冷凍披薩|Піца|Pizza', 450],
      ['Fiskefrikadeller|Kalapuikot|魚排|Рибні палички|Fish fingers', 400],
      ['Is vanilje|Vaniljajäätelö|香草冰淇淋|Морозиво ванільне|Vanilla ice cream', 500],
      [
        '!Вареники з картоплею|Вареники з картоплею|Вареники з картоплею|Вареники з картоплею|Вареники з картоплею',
        380,
      ],
      ['!水餃|水餃|水餃|水餃|水餃', 520],
    ],
  },
];

export const CLOTHING = {
  names: 'Tøj|Vaatteet|服飾|Одяг|Clothing',
  style: 'T-shirt|T-paita|T恤|Футболка|T-shirt',
  sizes: ['S', 'M', 'L', 'XL'],
  colours: ['sort|musta|黑|чорна|black', 'hvid|valkoinen|白|біла|white'],
  priceCents: 1500,
} as const;

/** The name in `lang`, or the item's own name when it is marked '!' (imported goods keep their name). */
export function nameIn(names: string, lang: Lang): string {
  const own = names.startsWith('!');
  const parts = (own ? names.slice(1) : names).split('|');
  const index = own ? 0 : ['da', 'fi', 'zh', 'uk', 'en'].indexOf(lang);
  return parts[index] ?? parts[0] ?? names;
}

// Euro cents -> store currency minor units, as integer ratios (never floats), and the step prices are
// rounded to, with an ending that looks like a shop's (9.95 kr, 2.49 €, NT$59).
export const CURRENCY_PRICING: Readonly<
  Record<string, { num: bigint; den: bigint; step: bigint; minus: bigint }>
> = {
  DKK: { num: 746n, den: 100n, step: 100n, minus: 5n },
  EUR: { num: 1n, den: 1n, step: 10n, minus: 1n },
  TWD: { num: 35n, den: 1n, step: 100n, minus: 0n },
  UAH: { num: 45n, den: 1n, step: 10n, minus: 0n },
  CNY: { num: 78n, den: 10n, step: 10n, minus: 0n },
  USD: { num: 11n, den: 10n, step: 10n, minus: 1n },
};

/** GS1 prefix plus a made-up company number, per country, for the demo's EAN-13s. */
export const COMPANY_PREFIX: Readonly<Record<PresetCountry, string>> = {
  DK: '5712345',
  FI: '6412345',
  TW: '4712345',
  UA: '4823456',
  CN: '6901234',
  US: '0012345',
};
