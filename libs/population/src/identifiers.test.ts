import { describe, expect, it } from 'vitest';
import {
  icaoCheckDigit,
  isValidDriverLicenceNumber,
  isValidIdCardNumber,
  isValidPassportNumber,
  isValidPlate,
  isValidRnokpp,
  isValidUnzr,
  isValidVin,
  makeRnokpp,
  makeUnzr,
  parseRnokpp,
  parseUnzr,
  rnokppCheckDigit,
  unzrCheckDigit,
  vinCheckDigit,
  vinYearCode,
} from './index.js';

describe('RNOKPP (taxpayer registration number)', () => {
  // Published valid numbers:
  //  - python-stdnum, stdnum/ua/rntrc.py doctest and tests/test_ua_rntrc.doctest ("found online"):
  //    1759013776, 2530414071, 1941106083, 3451517675 (and 1759013770 given as an invalid checksum);
  //  - DevelopingW/gov-validation-ua README usage example: 3184710691.
  const published = ['1759013776', '2530414071', '1941106083', '3451517675', '3184710691'];

  it('accepts published numbers and rejects the published bad checksum', () => {
    for (const n of published) expect(isValidRnokpp(n), n).toBe(true);
    expect(isValidRnokpp('1759013770')).toBe(false);
  });

  it('computes the check digit ((-d1 + 5d2 + 7d3 + 9d4 + 4d5 + 6d6 + 10d7 + 5d8 + 7d9) mod 11) mod 10', () => {
    // 1759013776: -1 + 35 + 35 + 81 + 0 + 6 + 30 + 35 + 49 = 270; 270 mod 11 = 6.
    expect(rnokppCheckDigit('175901377')).toBe(6);
    for (const n of published) expect(rnokppCheckDigit(n.slice(0, 9))).toBe(Number(n[9]));
    // A negative weighted sum uses the mathematical modulo: 900000000 → -9 mod 11 = 2.
    expect(rnokppCheckDigit('900000000')).toBe(2);
  });

  it('decodes the date of birth (days since 1899-12-31) and sex (odd 9th digit = man)', () => {
    expect(parseRnokpp('1759013776')).toEqual({ dateOfBirth: '1948-02-28', sex: 'M' });
    expect(parseRnokpp('3184710691')).toEqual({ dateOfBirth: '1987-03-12', sex: 'M' });
    expect(parseRnokpp('1941106083')).toEqual({ dateOfBirth: '1953-02-22', sex: 'F' });
    expect(parseRnokpp('0000100000')).toBeNull(); // checksum wrong
  });

  it('1900-01-01 is day 00001', () => {
    expect(makeRnokpp('1900-01-01', 'F', 0).slice(0, 5)).toBe('00001');
    expect(() => makeRnokpp('1899-12-31', 'F', 0)).toThrow(RangeError);
  });

  it('generates numbers that validate and round-trip date and sex', () => {
    for (const [date, sex, i] of [
      ['1948-02-28', 'M', 0],
      ['2000-02-29', 'F', 4999],
      ['2024-12-31', 'M', 1234],
      ['1957-06-01', 'F', 17],
    ] as const) {
      const n = makeRnokpp(date, sex, i);
      expect(n).toMatch(/^\d{10}$/);
      expect(isValidRnokpp(n)).toBe(true);
      expect(parseRnokpp(n)).toEqual({ dateOfBirth: date, sex });
    }
    expect(() => makeRnokpp('2000-01-01', 'M', 5000)).toThrow(RangeError);
  });

  it('rejects wrong shapes', () => {
    for (const bad of ['', '175901377', '17590137760', '175901377a', ' 1759013776']) expect(isValidRnokpp(bad)).toBe(false);
  });
});

describe('ICAO 9303 check digit (7-3-1, mod 10)', () => {
  it('matches published worked examples', () => {
    // consultant.ru (Russian MVD order reproducing the ICAO method): date 510509, weights 731731, sum 82 → 2.
    expect(icaoCheckDigit('510509')).toBe(2);
    // Worked passport example (bartleby, "Elements of Modern Algebra" 2.7 ex. 17): 012345678 → 4, 480517 → 7, 020721 → 2.
    expect(icaoCheckDigit('012345678')).toBe(4);
    expect(icaoCheckDigit('480517')).toBe(7);
    expect(icaoCheckDigit('020721')).toBe(2);
    // Letters count A=10 ... Z=35 and '<' = 0.
    expect(icaoCheckDigit('A<')).toBe(0);
  });
});

describe('UNZR (Unified State Demographic Register record number)', () => {
  it('is YYYYMMDD-NNNNC with an ICAO 9303 check digit over the 12 digits', () => {
    const n = makeUnzr('1987-03-12', 1);
    expect(n).toMatch(/^19870312-0001\d$/);
    expect(Number(n.slice(-1))).toBe(icaoCheckDigit('198703120001'));
    expect(unzrCheckDigit('198703120001')).toBe(icaoCheckDigit('198703120001'));
    expect(isValidUnzr(n)).toBe(true);
    expect(parseUnzr(n)).toEqual({ dateOfBirth: '1987-03-12', serial: 1 });
  });

  it('detects every single-digit error (weights 7, 3, 1 are units mod 10)', () => {
    const n = makeUnzr('2001-09-11', 4321);
    const digits = n.replace('-', '');
    for (let pos = 0; pos < 13; pos++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[pos]) continue;
        const changed = digits.slice(0, pos) + d + digits.slice(pos + 1);
        const text = `${changed.slice(0, 8)}-${changed.slice(8)}`;
        expect(isValidUnzr(text), text).toBe(false);
      }
    }
  });

  it('rejects impossible dates, serial 0000 and wrong shapes', () => {
    expect(isValidUnzr('19870230-00011')).toBe(false);
    const zero = `19870312-0000${icaoCheckDigit('198703120000')}`;
    expect(isValidUnzr(zero)).toBe(false);
    expect(isValidUnzr('198703120001x')).toBe(false);
    expect(() => makeUnzr('1987-03-12', 0)).toThrow(RangeError);
    expect(() => makeUnzr('1987-03-12', 10000)).toThrow(RangeError);
  });
});

describe('VIN', () => {
  it('matches the published check-digit examples', () => {
    // 49 CFR 565 Table V sample: 1G4AH59H?5G118341 → 4. Wikibooks worked example: 1M8GDM9A?KP042788 → X.
    expect(vinCheckDigit('1G4AH59H05G118341')).toBe('4');
    expect(isValidVin('1G4AH59H45G118341')).toBe(true);
    expect(vinCheckDigit('1M8GDM9A0KP042788')).toBe('X');
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP04278O')).toBe(false); // O is not allowed
  });

  it('model-year codes cycle every 30 years', () => {
    expect(vinYearCode(1980)).toBe('A');
    expect(vinYearCode(2001)).toBe('1');
    expect(vinYearCode(2010)).toBe('A');
    expect(vinYearCode(2019)).toBe('K');
    expect(vinYearCode(2025)).toBe('S');
  });
});

describe('document number shapes', () => {
  it('plates: region code, 4 digits, 2 series letters that read the same in Cyrillic', () => {
    expect(isValidPlate('AA1234BC')).toBe(true);
    expect(isValidPlate('BC0001XX')).toBe(true);
    expect(isValidPlate('AA0000BC')).toBe(false);
    expect(isValidPlate('AA1234BD')).toBe(false); // D has no Cyrillic twin
    expect(isValidPlate('ZZ1234BC')).toBe(false); // no such region
  });

  it('ID card, passport, licence', () => {
    expect(isValidIdCardNumber('000123456')).toBe(true);
    expect(isValidIdCardNumber('12345678')).toBe(false);
    expect(isValidPassportNumber('FX123456')).toBe(true);
    expect(isValidPassportNumber('FX12345')).toBe(false);
    expect(isValidDriverLicenceNumber('AXK123456')).toBe(true);
    expect(isValidDriverLicenceNumber('ADK123456')).toBe(false);
  });
});
