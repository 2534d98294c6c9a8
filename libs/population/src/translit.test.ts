import { describe, expect, it } from 'vitest';
import { transliterate } from './index.js';

describe('transliteration, Resolution No. 55 of the Cabinet of Ministers of Ukraine, 27 January 2010', () => {
  // The examples of the resolution's table, letter by letter (zakon.rada.gov.ua/laws/show/55-2010-п;
  // reproduced verbatim in the public test suites of several transliterators, e.g. Valentyn
  // Kolesnikov's LatinToUkrainianTest and interscript's ua-ukr-Cyrl-Latn-2010 map tests).
  const resolution: [string, string][] = [
    ['Алушта', 'Alushta'],
    ['Андрій', 'Andrii'],
    ['Борщагівка', 'Borshchahivka'],
    ['Борисенко', 'Borysenko'],
    ['Вінниця', 'Vinnytsia'],
    ['Володимир', 'Volodymyr'],
    ['Гадяч', 'Hadiach'],
    ['Богдан', 'Bohdan'],
    ['Згурський', 'Zghurskyi'],
    ['Ґалаґан', 'Galagan'],
    ['Ґорґани', 'Gorgany'],
    ['Донецьк', 'Donetsk'],
    ['Дмитро', 'Dmytro'],
    ['Рівне', 'Rivne'],
    ['Олег', 'Oleh'],
    ['Есмань', 'Esman'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гаєвич', 'Haievych'],
    ['Короп’є', 'Koropie'],
    ['Житомир', 'Zhytomyr'],
    ['Жанна', 'Zhanna'],
    ['Жежелів', 'Zhezheliv'],
    ['Закарпаття', 'Zakarpattia'],
    ['Казимирчук', 'Kazymyrchuk'],
    ['Медвин', 'Medvyn'],
    ['Михайленко', 'Mykhailenko'],
    ['Іванків', 'Ivankiv'],
    ['Іващенко', 'Ivashchenko'],
    ['Їжакевич', 'Yizhakevych'],
    ['Кадиївка', 'Kadyivka'],
    ['Мар’їне', 'Marine'],
    ['Йосипівка', 'Yosypivka'],
    ['Стрий', 'Stryi'],
    ['Олексій', 'Oleksii'],
    ['Київ', 'Kyiv'],
    ['Коваленко', 'Kovalenko'],
    ['Лебедин', 'Lebedyn'],
    ['Леонід', 'Leonid'],
    ['Миколаїв', 'Mykolaiv'],
    ['Маринич', 'Marynych'],
    ['Ніжин', 'Nizhyn'],
    ['Наталія', 'Nataliia'],
    ['Одеса', 'Odesa'],
    ['Онищенко', 'Onyshchenko'],
    ['Полтава', 'Poltava'],
    ['Петро', 'Petro'],
    ['Решетилівка', 'Reshetylivka'],
    ['Рибчинський', 'Rybchynskyi'],
    ['Суми', 'Sumy'],
    ['Соломія', 'Solomiia'],
    ['Тернопіль', 'Ternopil'],
    ['Троць', 'Trots'],
    ['Ужгород', 'Uzhhorod'],
    ['Уляна', 'Uliana'],
    ['Фастів', 'Fastiv'],
    ['Філіпчук', 'Filipchuk'],
    ['Харків', 'Kharkiv'],
    ['Христина', 'Khrystyna'],
    ['Біла Церква', 'Bila Tserkva'],
    ['Стеценко', 'Stetsenko'],
    ['Чернівці', 'Chernivtsi'],
    ['Шевченко', 'Shevchenko'],
    ['Шостка', 'Shostka'],
    ['Кишеньки', 'Kyshenky'],
    ['Щербухи', 'Shcherbukhy'],
    ['Гоща', 'Hoshcha'],
    ['Гаращенко', 'Harashchenko'],
    ['Юрій', 'Yurii'],
    ['Корюківка', 'Koriukivka'],
    ['Яготин', 'Yahotyn'],
    ['Ярошенко', 'Yaroshenko'],
    ['Костянтин', 'Kostiantyn'],
    ['Знам’янка', 'Znamianka'],
    ['Феодосія', 'Feodosiia'],
  ];

  it.each(resolution)('%s → %s', (uk, latin) => {
    expect(transliterate(uk)).toBe(latin);
  });

  it('note 1 of the resolution: «зг» is zgh (Згорани → Zghorany, Розгон → Rozghon)', () => {
    expect(transliterate('Згорани')).toBe('Zghorany');
    expect(transliterate('Розгон')).toBe('Rozghon');
    expect(transliterate('Жовква')).toBe('Zhovkva');
  });

  it('note 2: the soft sign and the apostrophe, in any of its usual forms, are not rendered', () => {
    for (const apostrophe of ["'", '\u2019', '\u02bc']) expect(transliterate(`Знам${apostrophe}янка`)).toBe('Znamianka');
    expect(transliterate('Львів')).toBe('Lviv');
  });

  it('other forms from the same table rules', () => {
    // Wikipedia's copy of the table gives Крюківка → Kriukivka and Ічня → Ichnia for ю and я.
    expect(transliterate('Крюківка')).toBe('Kriukivka');
    expect(transliterate('Ічня')).toBe('Ichnia');
    expect(transliterate('Євген')).toBe('Yevhen');
    expect(transliterate('Гайсин')).toBe('Haisyn');
    expect(transliterate('Жашків')).toBe('Zhashkiv');
    expect(transliterate('Кадіївка')).toBe('Kadiivka');
  });

  it('word starts after spaces and hyphens; capitals; other characters pass through', () => {
    expect(transliterate('Анна-Ярина Їжак')).toBe('Anna-Yaryna Yizhak');
    expect(transliterate('ЩЕРБАК ЮЛІЯ')).toBe('SHCHERBAK YULIIA');
    expect(transliterate('Я')).toBe('Ya');
    expect(transliterate('ЗГУРСЬКИЙ')).toBe('ZGHURSKYI');
    expect(transliterate('вул. Шевченка, 12')).toBe('vul. Shevchenka, 12');
  });
});
