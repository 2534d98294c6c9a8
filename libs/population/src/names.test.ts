import { describe, expect, it } from 'vitest';
import { GIVEN_NAMES, SURNAMES, feminineSurname, patronymic, surnameFor } from './index.js';

describe('patronymics', () => {
  const cases: [string, string, string][] = [
    ['Іван', 'Іванович', 'Іванівна'],
    ['Петро', 'Петрович', 'Петрівна'],
    ['Олександр', 'Олександрович', 'Олександрівна'],
    ['Сергій', 'Сергійович', 'Сергіївна'],
    ['Андрій', 'Андрійович', 'Андріївна'],
    ['Василь', 'Васильович', 'Василівна'],
    ['Ілля', 'Ілліч', 'Іллівна'],
    ['Микола', 'Миколайович', 'Миколаївна'],
    ['Григорій', 'Григорович', 'Григорівна'],
    ['Лев', 'Львович', 'Львівна'],
    ['Яків', 'Якович', 'Яківна'],
    ['Федір', 'Федорович', 'Федорівна'],
    ['Кузьма', 'Кузьмич', 'Кузьмівна'],
    ['Лука', 'Лукич', 'Луківна'],
    ['Микита', 'Микитович', 'Микитівна'],
    ['Ігор', 'Ігорович', 'Ігорівна'],
    ['Олесь', 'Олесьович', 'Олесівна'],
  ];
  it.each(cases)('%s → %s / %s', (father, son, daughter) => {
    expect(patronymic(father, 'M')).toBe(son);
    expect(patronymic(father, 'F')).toBe(daughter);
  });

  it('every male given name yields a patronymic ending in -ич and -івна/-ївна', () => {
    for (const name of new Set([...GIVEN_NAMES.M.o, ...GIVEN_NAMES.M.m, ...GIVEN_NAMES.M.y])) {
      expect(patronymic(name, 'M'), name).toMatch(/[иі]ч$/);
      expect(patronymic(name, 'F'), name).toMatch(/івна$|ївна$/);
    }
  });
});

describe('surnames', () => {
  it('feminine forms', () => {
    expect(feminineSurname('Ковальський', 'adjectival')).toBe('Ковальська');
    expect(feminineSurname('Білецький', 'adjectival')).toBe('Білецька');
    expect(feminineSurname('Згурський', 'adjectival')).toBe('Згурська');
    expect(feminineSurname('Білий', 'adjectival')).toBe('Біла');
    expect(feminineSurname('Задорожний', 'adjectival')).toBe('Задорожна');
    expect(feminineSurname('Іванов', 'possessive')).toBe('Іванова');
    expect(feminineSurname('Шевченко', 'invariable')).toBe('Шевченко');
    expect(feminineSurname('Петрів', 'invariable')).toBe('Петрів');
  });

  it('the lists have a few hundred names, and adjectival surnames end in -ий', () => {
    const given = new Set([...Object.values(GIVEN_NAMES.M).flat(), ...Object.values(GIVEN_NAMES.F).flat()]);
    expect(given.size).toBeGreaterThan(130);
    expect(SURNAMES.length).toBeGreaterThan(190);
    expect(new Set(SURNAMES.map((s) => s.base)).size).toBe(SURNAMES.length);
    for (const s of SURNAMES) if (s.type === 'adjectival') expect(s.base, s.base).toMatch(/ий$/);
    for (const s of SURNAMES) expect(surnameFor(s, 'M')).toBe(s.base);
  });
});
