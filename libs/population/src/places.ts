/**
 * Reference data: regions, settlements with postcodes, streets, universities, specialties,
 * economic activities and vehicles. Region codes are the KOATUU first two digits; oblast
 * centres' postcode ranges follow Ukrposhta's regional prefixes; ranges for smaller towns and
 * the villages are plausible, not authoritative.
 */

export type SettlementType = 'місто' | 'селище' | 'село';

export interface Region {
  /** KOATUU region code, e.g. "80" for Kyiv. */
  readonly code: string;
  readonly name: string;
  /** Locative, for authority names: "у Вінницькій області". */
  readonly locative: string;
  /** Two Cyrillic letters used in the series of civil-status certificates here (invented, plausible). */
  readonly certificateSeries: string;
  /** Weight of the region in where people live (roughly thousands of residents). */
  readonly weight: number;
}

export const REGIONS: readonly Region[] = [
  { code: '80', name: 'м. Київ', locative: 'м. Києві', certificateSeries: 'КВ', weight: 2900 },
  { code: '05', name: 'Вінницька область', locative: 'Вінницькій області', certificateSeries: 'АМ', weight: 1500 },
  { code: '07', name: 'Волинська область', locative: 'Волинській області', certificateSeries: 'ЕР', weight: 1000 },
  { code: '12', name: 'Дніпропетровська область', locative: 'Дніпропетровській області', certificateSeries: 'КИ', weight: 3000 },
  { code: '14', name: 'Донецька область', locative: 'Донецькій області', certificateSeries: 'НО', weight: 600 },
  { code: '18', name: 'Житомирська область', locative: 'Житомирській області', certificateSeries: 'ТП', weight: 1150 },
  { code: '21', name: 'Закарпатська область', locative: 'Закарпатській області', certificateSeries: 'ФМ', weight: 1250 },
  { code: '23', name: 'Запорізька область', locative: 'Запорізькій області', certificateSeries: 'ЖС', weight: 900 },
  { code: '26', name: 'Івано-Франківська область', locative: 'Івано-Франківській області', certificateSeries: 'НМ', weight: 1350 },
  { code: '32', name: 'Київська область', locative: 'Київській області', certificateSeries: 'ОК', weight: 1800 },
  { code: '35', name: 'Кіровоградська область', locative: 'Кіровоградській області', certificateSeries: 'ІЛ', weight: 900 },
  { code: '46', name: 'Львівська область', locative: 'Львівській області', certificateSeries: 'СГ', weight: 2450 },
  { code: '48', name: 'Миколаївська область', locative: 'Миколаївській області', certificateSeries: 'ФП', weight: 1050 },
  { code: '51', name: 'Одеська область', locative: 'Одеській області', certificateSeries: 'ЖД', weight: 2350 },
  { code: '53', name: 'Полтавська область', locative: 'Полтавській області', certificateSeries: 'КЕ', weight: 1350 },
  { code: '56', name: 'Рівненська область', locative: 'Рівненській області', certificateSeries: 'ЛС', weight: 1150 },
  { code: '59', name: 'Сумська область', locative: 'Сумській області', certificateSeries: 'БП', weight: 1050 },
  { code: '61', name: 'Тернопільська область', locative: 'Тернопільській області', certificateSeries: 'ИД', weight: 1030 },
  { code: '63', name: 'Харківська область', locative: 'Харківській області', certificateSeries: 'ВЛ', weight: 2500 },
  { code: '65', name: 'Херсонська область', locative: 'Херсонській області', certificateSeries: 'КГ', weight: 500 },
  { code: '68', name: 'Хмельницька область', locative: 'Хмельницькій області', certificateSeries: 'БВ', weight: 1250 },
  { code: '71', name: 'Черкаська область', locative: 'Черкаській області', certificateSeries: 'СР', weight: 1180 },
  { code: '73', name: 'Чернівецька область', locative: 'Чернівецькій області', certificateSeries: 'ЯР', weight: 900 },
  { code: '74', name: 'Чернігівська область', locative: 'Чернігівській області', certificateSeries: 'ЕЛ', weight: 950 },
  // Regions that appear only as places of birth (most of their territory is occupied).
  { code: '44', name: 'Луганська область', locative: 'Луганській області', certificateSeries: 'ІМ', weight: 0 },
  { code: '01', name: 'Автономна Республіка Крим', locative: 'Автономній Республіці Крим', certificateSeries: 'АП', weight: 0 },
];

export const REGION_BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));

export interface Settlement {
  readonly name: string;
  readonly type: SettlementType;
  readonly regionCode: string;
  /** Postcode range, inclusive, as numbers (a leading zero is restored on output). */
  readonly postcodes: readonly [number, number];
  /** Relative number of residents in the generated population; 0 = only a place of birth. */
  readonly weight: number;
  /** Has a university (students may live here). */
  readonly university?: boolean;
}

// name | type | region | postcode from-to | weight (thousands) | u = university town
const SETTLEMENT_TABLE = `
Київ|м|80|01001-04214|2900|u
Вінниця|м|05|21001-21100|370|u
Жмеринка|м|05|23100-23107|34
Могилів-Подільський|м|05|24000-24005|30
Гайсин|м|05|23700-23705|25
Луцьк|м|07|43000-43026|215|u
Ковель|м|07|45000-45008|68
Володимир|м|07|44700-44704|38
Дніпро|м|12|49000-49128|950|u
Кривий Ріг|м|12|50000-50101|600|u
Кам’янське|м|12|51900-51941|230
Нікополь|м|12|53200-53224|105
Павлоград|м|12|51400-51413|100
Краматорськ|м|14|84300-84333|150
Слов’янськ|м|14|84100-84122|106
Донецьк|м|14|83000-83125|0
Маріуполь|м|14|87500-87599|0
Житомир|м|18|10001-10031|260|u
Бердичів|м|18|13300-13312|73
Коростень|м|18|11500-11509|62
Ужгород|м|21|88000-88018|115|u
Мукачево|м|21|89600-89611|85
Хуст|м|21|90400-90404|28
Запоріжжя|м|23|69000-69124|710|u
Мелітополь|м|23|72300-72319|0
Івано-Франківськ|м|26|76000-76026|235|u
Калуш|м|26|77300-77311|66
Коломия|м|26|78200-78218|61
Біла Церква|м|32|09100-09117|208
Бровари|м|32|07400-07415|109
Бориспіль|м|32|08300-08306|63
Ірпінь|м|32|08200-08205|65
Буча|м|32|08292-08296|37
Фастів|м|32|08500-08504|45
Обухів|м|32|08700-08703|33
Васильків|м|32|08600-08605|37
Яготин|м|32|07700-07702|20
Кропивницький|м|35|25001-25031|225|u
Олександрія|м|35|28000-28010|78
Знам’янка|м|35|27400-27404|21
Луганськ|м|44|91000-91055|0
Львів|м|46|79000-79070|720|u
Дрогобич|м|46|82100-82111|75
Стрий|м|46|82400-82432|60
Самбір|м|46|81400-81411|35
Миколаїв|м|48|54001-54058|470|u
Первомайськ|м|48|55200-55216|63
Вознесенськ|м|48|56500-56505|35
Одеса|м|51|65001-65125|1000|u
Ізмаїл|м|51|68600-68609|70
Білгород-Дністровський|м|51|67700-67719|48
Чорноморськ|м|51|68000-68005|58
Полтава|м|53|36000-36041|280|u
Кременчук|м|53|39600-39631|215
Лубни|м|53|37500-37507|45
Миргород|м|53|37600-37605|38
Рівне|м|56|33000-33028|245|u
Вараш|м|56|34400-34403|42
Дубно|м|56|35600-35605|37
Суми|м|59|40000-40035|260|u
Конотоп|м|59|41600-41615|85
Шостка|м|59|41100-41107|72
Тернопіль|м|61|46000-46027|225|u
Чортків|м|61|48500-48504|28
Харків|м|63|61001-61205|1400|u
Ізюм|м|63|64300-64309|45
Лозова|м|63|64600-64609|54
Чугуїв|м|63|63500-63505|31
Херсон|м|65|73000-73040|280|u
Хмельницький|м|68|29000-29027|275|u
Кам’янець-Подільський|м|68|32300-32318|100
Черкаси|м|71|18000-18036|275|u
Умань|м|71|20300-20308|83
Сміла|м|71|20700-20709|65
Жашків|м|71|19200-19201|13
Чернівці|м|73|58000-58032|265|u
Чернігів|м|74|14000-14040|285|u
Ніжин|м|74|16600-16610|68
Прилуки|м|74|17500-17506|52
Корюківка|м|74|15300-15301|13
Сімферополь|м|01|95000-95053|0
Феодосія|м|01|98100-98112|0
`;

/** Village names common to many regions. */
const VILLAGE_NAMES = [
  'Калинівка',
  'Петрівка',
  'Михайлівка',
  'Іванівка',
  'Миколаївка',
  'Олександрівка',
  'Вишневе',
  'Зелене',
  'Дубове',
  'Березівка',
  'Садове',
  'Соснівка',
  'Вербівка',
  'Кам’янка',
  'Ясенівка',
  'Йосипівка',
];

/** Postcode prefixes (first two digits) used for villages of a region. */
const VILLAGE_POSTCODE_PREFIX: Readonly<Record<string, number>> = {
  '05': 22,
  '07': 44,
  '12': 52,
  '14': 85,
  '18': 12,
  '21': 89,
  '23': 70,
  '26': 77,
  '32': 8,
  '35': 26,
  '46': 80,
  '48': 56,
  '51': 67,
  '53': 38,
  '56': 34,
  '59': 42,
  '61': 47,
  '63': 62,
  '65': 75,
  '68': 31,
  '71': 19,
  '73': 59,
  '74': 15,
};

function parseSettlements(): Settlement[] {
  const out: Settlement[] = [];
  for (const line of SETTLEMENT_TABLE.split('\n')) {
    if (!line.trim()) continue;
    const [name, type, regionCode, range, weight, flags] = line.split('|');
    if (!name || !type || !regionCode || !range || weight === undefined) continue;
    const [from, to] = range.split('-').map(Number);
    out.push({
      name,
      type: type === 'м' ? 'місто' : type === 'с' ? 'село' : 'селище',
      regionCode,
      postcodes: [from ?? 0, to ?? from ?? 0],
      weight: Number(weight),
      ...(flags === 'u' ? { university: true } : {}),
    });
  }
  // Villages: about a third of the residents of each region outside Kyiv.
  for (const region of REGIONS) {
    const prefix = VILLAGE_POSTCODE_PREFIX[region.code];
    if (prefix === undefined || region.weight === 0) continue;
    VILLAGE_NAMES.forEach((name, i) => {
      const base = prefix * 1000 + 100 + i * 37;
      out.push({
        name,
        type: i % 5 === 4 ? 'селище' : 'село',
        regionCode: region.code,
        postcodes: [base, base],
        weight: Math.round((region.weight * 0.3) / VILLAGE_NAMES.length),
      });
    });
  }
  return out;
}

export const SETTLEMENTS: readonly Settlement[] = parseSettlements();

export function formatPostcode(n: number): string {
  return String(n).padStart(5, '0');
}

export type StreetType = 'вулиця' | 'проспект' | 'бульвар' | 'провулок';

export const STREET_ABBREVIATIONS: Readonly<Record<StreetType, string>> = {
  вулиця: 'вул.',
  проспект: 'просп.',
  бульвар: 'бульв.',
  провулок: 'пров.',
};

/** Street names common in Ukrainian towns. */
export const STREETS: readonly string[] = [
  'Шевченка',
  'Незалежності',
  'Івана Франка',
  'Лесі Українки',
  'Грушевського',
  'Соборна',
  'Центральна',
  'Садова',
  'Зелена',
  'Шкільна',
  'Молодіжна',
  'Лісова',
  'Польова',
  'Богдана Хмельницького',
  'Сагайдачного',
  'Івана Мазепи',
  'Коцюбинського',
  'Котляревського',
  'Григорія Сковороди',
  'Героїв Майдану',
  'Небесної Сотні',
  'Січових Стрільців',
  'Вишнева',
  'Квітнева',
  'Каштанова',
  'Липова',
  'Набережна',
  'Київська',
  'Львівська',
  'Покровська',
  'Паркова',
  'Заводська',
  'Василя Стуса',
  'В’ячеслава Чорновола',
  'Остапа Вишні',
  'Володимира Антоновича',
  'Митрополита Шептицького',
  'Івана Огієнка',
  'Ольги Кобилянської',
  'Василя Стефаника',
  'Героїв України',
  'Свободи',
  'Миколи Лисенка',
  'Тараса Бульби',
  'Ярослава Мудрого',
  'Княгині Ольги',
  'Гетьмана Сагайдачного',
  'Європейська',
];

/** Streets typical of villages. */
export const VILLAGE_STREETS: readonly string[] = [
  'Шевченка',
  'Центральна',
  'Садова',
  'Зелена',
  'Шкільна',
  'Молодіжна',
  'Лісова',
  'Польова',
  'Вишнева',
  'Набережна',
  'Миру',
  'Заводська',
  'Степова',
  'Лугова',
  'Весняна',
  'Козацька',
];

export interface Institution {
  /** Code in the Unified State Electronic Database on Education (invented, plausible). */
  readonly code: string;
  readonly name: string;
  readonly settlement: string;
}

export const UNIVERSITIES: readonly Institution[] = [
  { code: '41', name: 'Київський національний університет імені Тараса Шевченка', settlement: 'Київ' },
  {
    code: '174',
    name: 'Національний технічний університет України «Київський політехнічний інститут імені Ігоря Сікорського»',
    settlement: 'Київ',
  },
  { code: '127', name: 'Національний університет «Києво-Могилянська академія»', settlement: 'Київ' },
  { code: '35', name: 'Київський національний економічний університет імені Вадима Гетьмана', settlement: 'Київ' },
  { code: '83', name: 'Національний медичний університет імені О. О. Богомольця', settlement: 'Київ' },
  { code: '145', name: 'Львівський національний університет імені Івана Франка', settlement: 'Львів' },
  { code: '79', name: 'Національний університет «Львівська політехніка»', settlement: 'Львів' },
  { code: '1', name: 'Харківський національний університет імені В. Н. Каразіна', settlement: 'Харків' },
  { code: '4', name: 'Національний технічний університет «Харківський політехнічний інститут»', settlement: 'Харків' },
  { code: '167', name: 'Одеський національний університет імені І. І. Мечникова', settlement: 'Одеса' },
  { code: '59', name: 'Дніпровський національний університет імені Олеся Гончара', settlement: 'Дніпро' },
  { code: '29', name: 'Криворізький національний університет', settlement: 'Кривий Ріг' },
  { code: '142', name: 'Запорізький національний університет', settlement: 'Запоріжжя' },
  { code: '73', name: 'Вінницький національний технічний університет', settlement: 'Вінниця' },
  { code: '97', name: 'Волинський національний університет імені Лесі Українки', settlement: 'Луцьк' },
  { code: '101', name: 'Державний університет «Житомирська політехніка»', settlement: 'Житомир' },
  { code: '48', name: 'Ужгородський національний університет', settlement: 'Ужгород' },
  { code: '107', name: 'Прикарпатський національний університет імені Василя Стефаника', settlement: 'Івано-Франківськ' },
  { code: '123', name: 'Центральноукраїнський національний технічний університет', settlement: 'Кропивницький' },
  { code: '112', name: 'Миколаївський національний університет імені В. О. Сухомлинського', settlement: 'Миколаїв' },
  { code: '108', name: 'Національний університет «Полтавська політехніка імені Юрія Кондратюка»', settlement: 'Полтава' },
  { code: '131', name: 'Національний університет водного господарства та природокористування', settlement: 'Рівне' },
  { code: '68', name: 'Сумський державний університет', settlement: 'Суми' },
  { code: '95', name: 'Західноукраїнський національний університет', settlement: 'Тернопіль' },
  { code: '171', name: 'Херсонський державний університет', settlement: 'Херсон' },
  { code: '147', name: 'Хмельницький національний університет', settlement: 'Хмельницький' },
  { code: '152', name: 'Черкаський національний університет імені Богдана Хмельницького', settlement: 'Черкаси' },
  { code: '74', name: 'Чернівецький національний університет імені Юрія Федьковича', settlement: 'Чернівці' },
  { code: '187', name: 'Національний університет «Чернігівська політехніка»', settlement: 'Чернігів' },
];

export interface Specialty {
  readonly code: string;
  readonly name: string;
  /** Short form for diploma qualifications. */
  readonly field: string;
}

/** Specialties of the 2015 list of fields of knowledge and specialties (codes and names). */
export const SPECIALTIES: readonly Specialty[] = [
  { code: '012', name: 'Дошкільна освіта', field: 'дошкільної освіти' },
  { code: '013', name: 'Початкова освіта', field: 'початкової освіти' },
  { code: '014', name: 'Середня освіта', field: 'середньої освіти' },
  { code: '032', name: 'Історія та археологія', field: 'історії та археології' },
  { code: '035', name: 'Філологія', field: 'філології' },
  { code: '051', name: 'Економіка', field: 'економіки' },
  { code: '053', name: 'Психологія', field: 'психології' },
  { code: '061', name: 'Журналістика', field: 'журналістики' },
  { code: '071', name: 'Облік і оподаткування', field: 'обліку і оподаткування' },
  { code: '072', name: 'Фінанси, банківська справа та страхування', field: 'фінансів, банківської справи та страхування' },
  { code: '073', name: 'Менеджмент', field: 'менеджменту' },
  { code: '075', name: 'Маркетинг', field: 'маркетингу' },
  { code: '081', name: 'Право', field: 'права' },
  { code: '091', name: 'Біологія', field: 'біології' },
  { code: '101', name: 'Екологія', field: 'екології' },
  { code: '111', name: 'Математика', field: 'математики' },
  { code: '113', name: 'Прикладна математика', field: 'прикладної математики' },
  { code: '121', name: 'Інженерія програмного забезпечення', field: 'інженерії програмного забезпечення' },
  { code: '122', name: 'Комп’ютерні науки', field: 'комп’ютерних наук' },
  { code: '123', name: 'Комп’ютерна інженерія', field: 'комп’ютерної інженерії' },
  { code: '125', name: 'Кібербезпека', field: 'кібербезпеки' },
  { code: '131', name: 'Прикладна механіка', field: 'прикладної механіки' },
  { code: '141', name: 'Електроенергетика, електротехніка та електромеханіка', field: 'електроенергетики' },
  { code: '192', name: 'Будівництво та цивільна інженерія', field: 'будівництва та цивільної інженерії' },
  { code: '201', name: 'Агрономія', field: 'агрономії' },
  { code: '222', name: 'Медицина', field: 'медицини' },
  { code: '226', name: 'Фармація, промислова фармація', field: 'фармації' },
  { code: '231', name: 'Соціальна робота', field: 'соціальної роботи' },
  { code: '242', name: 'Туризм', field: 'туризму' },
  { code: '274', name: 'Автомобільний транспорт', field: 'автомобільного транспорту' },
  { code: '281', name: 'Публічне управління та адміністрування', field: 'публічного управління та адміністрування' },
  { code: '291', name: 'Міжнародні відносини, суспільні комунікації та регіональні студії', field: 'міжнародних відносин' },
];

export interface EconomicActivity {
  /** KVED-2010 (NACE Rev. 2) class. */
  readonly code: string;
  readonly name: string;
}

export const ACTIVITIES: readonly EconomicActivity[] = [
  { code: '62.01', name: 'Комп’ютерне програмування' },
  { code: '62.02', name: 'Консультування з питань інформатизації' },
  { code: '47.91', name: 'Роздрібна торгівля, що здійснюється фірмами поштового замовлення або через мережу Інтернет' },
  {
    code: '47.11',
    name: 'Роздрібна торгівля в неспеціалізованих магазинах переважно продуктами харчування, напоями та тютюновими виробами',
  },
  { code: '96.02', name: 'Надання послуг перукарнями та салонами краси' },
  { code: '49.41', name: 'Вантажний автомобільний транспорт' },
  { code: '43.32', name: 'Установлення столярних виробів' },
  { code: '74.10', name: 'Спеціалізована діяльність із дизайну' },
  { code: '74.20', name: 'Діяльність у сфері фотографії' },
  { code: '85.59', name: 'Інші види освіти, н. в. і. у.' },
  { code: '56.10', name: 'Діяльність ресторанів, надання послуг мобільного харчування' },
  { code: '69.20', name: 'Діяльність у сфері бухгалтерського обліку й аудиту; консультування з питань оподаткування' },
  { code: '73.11', name: 'Рекламні агентства' },
  { code: '45.20', name: 'Технічне обслуговування та ремонт автотранспортних засобів' },
  { code: '01.11', name: 'Вирощування зернових культур (крім рису), бобових культур і насіння олійних культур' },
  { code: '68.20', name: 'Надання в оренду й експлуатацію власного чи орендованого нерухомого майна' },
  { code: '63.11', name: 'Оброблення даних, розміщення інформації на веб-вузлах і пов’язана з ними діяльність' },
  { code: '86.90', name: 'Інша діяльність у сфері охорони здоров’я' },
];

export type Fuel = 'бензин' | 'дизель' | 'газ/бензин' | 'електро' | 'гібрид';

export interface VehicleModel {
  readonly make: string;
  readonly model: string;
  /** World manufacturer identifier (VIN positions 1-3). */
  readonly wmi: string;
  readonly fuel: Fuel;
  /** cm³, 0 for electric. */
  readonly engine: number;
  readonly years: readonly [number, number];
  readonly weight: number;
}

export const VEHICLE_MODELS: readonly VehicleModel[] = [
  { make: 'VOLKSWAGEN', model: 'PASSAT', wmi: 'WVW', fuel: 'дизель', engine: 1968, years: [2005, 2022], weight: 8 },
  { make: 'VOLKSWAGEN', model: 'GOLF', wmi: 'WVW', fuel: 'бензин', engine: 1395, years: [2004, 2023], weight: 6 },
  { make: 'VOLKSWAGEN', model: 'JETTA', wmi: '3VW', fuel: 'бензин', engine: 1798, years: [2011, 2020], weight: 5 },
  { make: 'SKODA', model: 'OCTAVIA', wmi: 'TMB', fuel: 'бензин', engine: 1598, years: [2004, 2024], weight: 10 },
  { make: 'SKODA', model: 'FABIA', wmi: 'TMB', fuel: 'бензин', engine: 1198, years: [2002, 2021], weight: 4 },
  { make: 'TOYOTA', model: 'CAMRY', wmi: 'JTN', fuel: 'бензин', engine: 2494, years: [2007, 2024], weight: 5 },
  { make: 'TOYOTA', model: 'RAV4', wmi: 'JTM', fuel: 'гібрид', engine: 2487, years: [2010, 2025], weight: 6 },
  { make: 'TOYOTA', model: 'COROLLA', wmi: 'NMT', fuel: 'бензин', engine: 1598, years: [2007, 2024], weight: 4 },
  { make: 'RENAULT', model: 'LOGAN', wmi: 'VF1', fuel: 'газ/бензин', engine: 1461, years: [2006, 2021], weight: 7 },
  { make: 'RENAULT', model: 'DUSTER', wmi: 'VF1', fuel: 'дизель', engine: 1461, years: [2011, 2024], weight: 5 },
  { make: 'RENAULT', model: 'MEGANE', wmi: 'VF1', fuel: 'дизель', engine: 1461, years: [2008, 2020], weight: 5 },
  { make: 'HYUNDAI', model: 'TUCSON', wmi: 'TMA', fuel: 'бензин', engine: 1999, years: [2010, 2025], weight: 5 },
  { make: 'HYUNDAI', model: 'ACCENT', wmi: 'KMH', fuel: 'бензин', engine: 1399, years: [2006, 2019], weight: 4 },
  { make: 'KIA', model: 'SPORTAGE', wmi: 'U5Y', fuel: 'бензин', engine: 1999, years: [2011, 2025], weight: 5 },
  { make: 'KIA', model: 'CEED', wmi: 'U5Y', fuel: 'бензин', engine: 1591, years: [2008, 2024], weight: 3 },
  { make: 'DAEWOO', model: 'LANOS', wmi: 'Y6D', fuel: 'газ/бензин', engine: 1498, years: [1998, 2014], weight: 6 },
  { make: 'ZAZ', model: 'VIDA', wmi: 'Y6D', fuel: 'бензин', engine: 1498, years: [2012, 2018], weight: 1 },
  { make: 'LADA', model: '2107', wmi: 'XTA', fuel: 'газ/бензин', engine: 1451, years: [1995, 2012], weight: 3 },
  { make: 'FORD', model: 'FOCUS', wmi: 'WF0', fuel: 'бензин', engine: 1596, years: [2005, 2018], weight: 4 },
  { make: 'NISSAN', model: 'LEAF', wmi: 'SJN', fuel: 'електро', engine: 0, years: [2013, 2024], weight: 4 },
  { make: 'NISSAN', model: 'QASHQAI', wmi: 'SJN', fuel: 'бензин', engine: 1995, years: [2008, 2024], weight: 3 },
  { make: 'TESLA', model: 'MODEL 3', wmi: '5YJ', fuel: 'електро', engine: 0, years: [2018, 2025], weight: 2 },
  { make: 'BMW', model: '520D', wmi: 'WBA', fuel: 'дизель', engine: 1995, years: [2006, 2023], weight: 3 },
  { make: 'MERCEDES-BENZ', model: 'E 220', wmi: 'WDD', fuel: 'дизель', engine: 2143, years: [2006, 2022], weight: 3 },
  { make: 'CHEVROLET', model: 'AVEO', wmi: 'KL1', fuel: 'бензин', engine: 1498, years: [2005, 2016], weight: 3 },
  { make: 'MITSUBISHI', model: 'OUTLANDER', wmi: 'JMB', fuel: 'бензин', engine: 2360, years: [2008, 2023], weight: 3 },
  { make: 'OPEL', model: 'ASTRA', wmi: 'W0L', fuel: 'дизель', engine: 1686, years: [2004, 2020], weight: 3 },
  { make: 'PEUGEOT', model: '308', wmi: 'VF3', fuel: 'дизель', engine: 1560, years: [2008, 2022], weight: 2 },
];

export const VEHICLE_COLOURS: readonly string[] = [
  'СІРИЙ',
  'ЧОРНИЙ',
  'БІЛИЙ',
  'СИНІЙ',
  'ЧЕРВОНИЙ',
  'ЗЕЛЕНИЙ',
  'БЕЖЕВИЙ',
  'КОРИЧНЕВИЙ',
  'ЖОВТИЙ',
  'ФІОЛЕТОВИЙ',
];
