/**
 * Ukrainian given names, surnames and patronymics. The lists are common public names
 * written for this library; the tags say in which birth cohorts a name is usual:
 * o = born before 1960, m = 1960-1989, y = 1990 and later.
 */
import type { Sex } from './identifiers.js';

export type Cohort = 'o' | 'm' | 'y';

export function cohortOf(birthYear: number): Cohort {
  return birthYear < 1960 ? 'o' : birthYear < 1990 ? 'm' : 'y';
}

const MALE_NAMES = `
Іван:omy Петро:omy Микола:om Василь:om Михайло:omy Григорій:o Степан:om Федір:o Павло:omy
Олександр:omy Володимир:omy Сергій:my Андрій:my Юрій:om Віктор:om Анатолій:om Валерій:m
Віталій:m Олег:m Ігор:m Роман:my Богдан:omy Ярослав:my Тарас:my Дмитро:my Максим:my Денис:my
Артем:y Назар:y Матвій:y Тимофій:y Марко:y Данило:y Кирило:y Ілля:y Євген:m Костянтин:omy
Леонід:o Борис:o Геннадій:m Вадим:m Руслан:m Едуард:m Станіслав:m Олексій:my Антон:my
Семен:o Яків:o Лев:y Захар:y Остап:y Орест:m Любомир:m Мирослав:m Святослав:y Тимур:y
Арсеній:y Давид:y Олесь:m Нестор:y Ростислав:my Всеволод:y Кузьма:o Лука:y Хома:o Сава:y
Гордій:y Юліан:y Назарій:y Валентин:om Аркадій:o Прохор:o Панас:o Трохим:o Омелян:o
Іларіон:o Микита:y Іван:y Олександр:y Максим:y
`;

const FEMALE_NAMES = `
Ганна:o Марія:omy Катерина:omy Ольга:om Олена:omy Галина:o Ніна:o Валентина:o Надія:om Любов:om
Віра:om Зінаїда:o Раїса:o Лідія:o Тамара:o Антоніна:o Євдокія:o Людмила:om Тетяна:om Наталія:om
Світлана:m Ірина:m Оксана:m Лариса:m Інна:m Алла:m Жанна:m Юлія:my Вікторія:my Анна:y
Анастасія:y Софія:y Дарина:y Соломія:y Христина:my Ярослава:y Богдана:y Мирослава:my Зоряна:my
Уляна:my Олеся:m Леся:m Аліна:y Діана:y Яна:y Вероніка:y Поліна:y Мілана:y Злата:y Єва:y Марта:y
Кіра:y Єлизавета:y Валерія:y Ангеліна:y Карина:y Іванна:y Роксолана:my Емілія:y Орина:y
Стефанія:y Олександра:y Василина:y Євгенія:my Лілія:m Майя:m Неля:m Софія:y Анна:y Марія:y
`;

function parseNames(list: string): Record<Cohort, string[]> {
  const out: Record<Cohort, string[]> = { o: [], m: [], y: [] };
  for (const token of list.split(/\s+/)) {
    if (!token) continue;
    const [name, tags] = token.split(':');
    if (!name || !tags) continue;
    for (const tag of tags) if (tag === 'o' || tag === 'm' || tag === 'y') out[tag].push(name);
  }
  return out;
}

/** Given names by sex and birth cohort; a name listed twice in a cohort is twice as likely. */
export const GIVEN_NAMES: Readonly<Record<Sex, Readonly<Record<Cohort, readonly string[]>>>> = {
  M: parseNames(MALE_NAMES),
  F: parseNames(FEMALE_NAMES),
};

// ---------------------------------------------------------------------------------------
// Patronymics (по батькові), from the father's given name.
// ---------------------------------------------------------------------------------------

/** Names whose patronymics do not follow the general rules. [masculine, feminine] */
const IRREGULAR_PATRONYMICS: Readonly<Record<string, readonly [string, string]>> = {
  Ілля: ['Ілліч', 'Іллівна'],
  Микола: ['Миколайович', 'Миколаївна'],
  Григорій: ['Григорович', 'Григорівна'],
  Лев: ['Львович', 'Львівна'],
  Яків: ['Якович', 'Яківна'],
  Федір: ['Федорович', 'Федорівна'],
  Кузьма: ['Кузьмич', 'Кузьмівна'],
  Лука: ['Лукич', 'Луківна'],
  Хома: ['Хомич', 'Хомівна'],
  Сава: ['Савич', 'Савівна'],
};

/**
 * Patronymic for a child of the given sex whose father is called fatherName:
 * Іван → Іванович / Іванівна; Петро → Петрович / Петрівна; Сергій → Сергійович / Сергіївна;
 * Василь → Васильович / Василівна; Микита → Микитович / Микитівна; plus the irregulars
 * Ілля → Ілліч / Іллівна, Микола → Миколайович / Миколаївна, Григорій → Григорович / Григорівна,
 * Лев → Львович / Львівна, Яків → Якович / Яківна, Федір → Федорович / Федорівна, Кузьма,
 * Лука, Хома, Сава → -ич / -івна.
 */
export function patronymic(fatherName: string, sex: Sex): string {
  const irregular = IRREGULAR_PATRONYMICS[fatherName];
  if (irregular) return sex === 'M' ? irregular[0] : irregular[1];
  if (fatherName.endsWith('ій') || fatherName.endsWith('ай') || fatherName.endsWith('ей')) {
    // Сергій → Сергійович / Сергіївна
    const stem = fatherName.slice(0, -1);
    return sex === 'M' ? `${fatherName}ович` : `${stem}ївна`;
  }
  if (fatherName.endsWith('ь')) {
    // Василь → Васильович / Василівна
    return sex === 'M' ? `${fatherName}ович` : `${fatherName.slice(0, -1)}івна`;
  }
  if (fatherName.endsWith('о') || fatherName.endsWith('а')) {
    // Петро → Петрович / Петрівна; Микита → Микитович / Микитівна
    const stem = fatherName.slice(0, -1);
    return sex === 'M' ? `${stem}ович` : `${stem}івна`;
  }
  return sex === 'M' ? `${fatherName}ович` : `${fatherName}івна`;
}

// ---------------------------------------------------------------------------------------
// Surnames. Stored in the masculine form; the feminine form depends on the type:
//  - adjectival: -ський → -ська, -цький → -цька, -зький → -зька, other -ий → -а;
//  - possessive: -ов, -ев, -єв, -ін, -їн → + а;
//  - all others (-енко, -ко, -чук, -юк, -ак, -ик, -ець, -ар, -ів, -ишин ...) are the same for both.
// ---------------------------------------------------------------------------------------

const INVARIABLE_SURNAMES = `
Шевченко Бондаренко Коваленко Бойко Ткаченко Кравченко Олійник Шевчук Коваль Поліщук Бондар
Ткачук Мельник Марченко Лисенко Руденко Савченко Петренко Кравчук Клименко Павленко Савчук
Кузьменко Іваненко Левченко Гаврилюк Харченко Карпенко Мельничук Пономаренко Литвиненко Швець
Захарченко Ковальчук Романенко Мороз Тимошенко Остапенко Мартинюк Приходько Сидоренко
Гончаренко Козак Кушнір Панченко Лук’яненко Дячук Пилипенко Онищенко Кириленко Яковенко
Гуменюк Климчук Кучер Нестеренко Вакуленко Стасюк Бабенко Ярошенко Дмитренко Волошин Данилюк
Тарасенко Зінченко Гордієнко Сорока Гнатюк Федоренко Демченко Білоус Головко Назаренко
Грищенко Юрченко Прокопенко Максименко Рибак Костенко Пасічник Гребенюк Мазур Стеценко
Гаращенко Онищук Семенюк Кобзар Гуцуляк Федишин Іванишин Дорошенко Кравець Ковтун Кулик Дзюба
Гринчук Бабій Лесів Петрів Іванів Стефанишин Зайченко Лобода Гайдай Оліфіренко Сидорчук
Паламарчук Антонюк Бабич Костюк Вовк Гончар Андрусів Попович Бурлака Наливайко Сірко Коломієць
Бондарчук Степаненко Перебийніс Залізняк Ярема Щербак Щербина Згурський:adj Підгорний:adj
Чорновіл Лемешко Филипчук Михайленко Кравчишин Борисенко Онуфрієнко Пшеничний:adj Тищенко
Ільченко Сергієнко Мирошниченко Шаповал Кухар Маляр Чумак Сокіл Дідух Мельниченко Бережний:adj
Литвин Гордійчук Пилипчук Дем’янчук Ярмоленко Гладун Шпак Галушко Бойчук
`;

const ADJECTIVAL_SURNAMES = `
Ковальський Вишневський Заболотський Білецький Городецький Яворський Левицький Кобилянський
Козловський Лозинський Сосновський Вербицький Грушевський Домбровський Березовський
Барановський Жуковський Маковецький Стецький Кульчицький Турянський Рибчинський Білий Чорний
Сивий Гладкий Довгий Кривий Рудий Тихий Задорожний Головатий Сагайдачний Великий Сірий
`;

const POSSESSIVE_SURNAMES = `Іванов Петров Соколов Морозов Павлов Федоров Тарасов Ковальов Кузьмін`;

export type SurnameType = 'invariable' | 'adjectival' | 'possessive';

export interface Surname {
  /** Masculine form. */
  readonly base: string;
  readonly type: SurnameType;
}

function parseSurnames(): Surname[] {
  const out: Surname[] = [];
  for (const token of INVARIABLE_SURNAMES.split(/\s+/)) {
    if (!token) continue;
    const [base, tag] = token.split(':');
    if (base) out.push({ base, type: tag === 'adj' ? 'adjectival' : 'invariable' });
  }
  for (const base of ADJECTIVAL_SURNAMES.split(/\s+/)) if (base) out.push({ base, type: 'adjectival' });
  for (const base of POSSESSIVE_SURNAMES.split(/\s+/)) if (base) out.push({ base, type: 'possessive' });
  return out;
}

export const SURNAMES: readonly Surname[] = parseSurnames();

/** The surname in the form for a person of the given sex. */
export function surnameFor(surname: Surname, sex: Sex): string {
  if (sex === 'M') return surname.base;
  return feminineSurname(surname.base, surname.type);
}

/** Feminine form of a masculine surname of the given type. */
export function feminineSurname(base: string, type: SurnameType): string {
  if (type === 'adjectival') {
    if (base.endsWith('ський') || base.endsWith('цький') || base.endsWith('зький')) return `${base.slice(0, -2)}а`;
    if (base.endsWith('ий')) return `${base.slice(0, -2)}а`;
    if (base.endsWith('ій')) return `${base.slice(0, -2)}я`;
    return base;
  }
  if (type === 'possessive') return `${base}а`;
  return base;
}
