/**
 * Identifiers with their check rules: generate and validate. Sources are in README.md.
 */
import { compactDay, daysFromCivil, formatDay, parseIsoDate, type IsoDate } from './dates.js';

export type { IsoDate } from './dates.js';

export type Sex = 'M' | 'F';

const DIGITS = /^\d+$/;

// ---------------------------------------------------------------------------------------
// RNOKPP (РНОКПП), the taxpayer registration number of an individual: 10 digits.
// d1..d5  number of days from 1899-12-31 to the date of birth (1900-01-01 is 00001)
// d6..d9  serial; d9 is odd for men and even for women
// d10     ((-1·d1 + 5·d2 + 7·d3 + 9·d4 + 4·d5 + 6·d6 + 10·d7 + 5·d8 + 7·d9) mod 11) mod 10
// ---------------------------------------------------------------------------------------

const RNOKPP_WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;
/** Day number of 1899-12-31, the RNOKPP epoch. */
const RNOKPP_EPOCH = daysFromCivil(1899, 12, 31);

/** Check digit of the first nine digits of an RNOKPP (mathematical modulo: the sum may be negative). */
export function rnokppCheckDigit(first9: string): number {
  if (first9.length !== 9 || !DIGITS.test(first9)) throw new RangeError('rnokppCheckDigit needs exactly 9 digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (RNOKPP_WEIGHTS[i] ?? 0) * Number(first9[i]);
  return (((sum % 11) + 11) % 11) % 10;
}

/** True if the text is 10 digits whose last digit is the RNOKPP check digit of the first nine. */
export function isValidRnokpp(text: string): boolean {
  if (text.length !== 10 || !DIGITS.test(text)) return false;
  return rnokppCheckDigit(text.slice(0, 9)) === Number(text[9]);
}

/**
 * Build an RNOKPP for a date of birth, a sex and a serial index in [0, 4999]; the index
 * is spread over the 4-digit serial so that its last digit has the right parity.
 */
export function makeRnokpp(dateOfBirth: IsoDate, sex: Sex, serialIndex: number): string {
  const birth = parseIsoDate(dateOfBirth);
  if (birth === null) throw new RangeError(`not a date: ${dateOfBirth}`);
  return rnokppFromDay(birth, sex, serialIndex);
}

/** makeRnokpp for a day number (days since 1970-01-01). */
export function rnokppFromDay(birth: number, sex: Sex, serialIndex: number): string {
  const days = birth - RNOKPP_EPOCH;
  if (days < 1 || days > 99999) throw new RangeError('RNOKPP covers births from 1900-01-01 to 2173-10-14');
  if (!Number.isInteger(serialIndex) || serialIndex < 0 || serialIndex > 4999) throw new RangeError('serialIndex must be 0..4999');
  const serial = serialIndex * 2 + (sex === 'M' ? 1 : 0);
  const first9 = String(days).padStart(5, '0') + String(serial).padStart(4, '0');
  return first9 + String(rnokppCheckDigit(first9));
}

/** Date of birth and sex encoded in a valid RNOKPP, or null. */
export function parseRnokpp(text: string): { dateOfBirth: IsoDate; sex: Sex } | null {
  if (!isValidRnokpp(text)) return null;
  const days = Number(text.slice(0, 5));
  if (days < 1) return null;
  return { dateOfBirth: formatDay(RNOKPP_EPOCH + days), sex: Number(text[8]) % 2 === 1 ? 'M' : 'F' };
}

// ---------------------------------------------------------------------------------------
// ICAO Doc 9303 check digit: weights 7, 3, 1 repeating, sum mod 10. Digits only here
// (letters count A=10 ... Z=35 and '<' = 0 in the MRZ; supported for completeness).
// ---------------------------------------------------------------------------------------

export function icaoCheckDigit(text: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '<';
    let value: number;
    if (ch >= '0' && ch <= '9') value = ch.charCodeAt(0) - 48;
    else if (ch >= 'A' && ch <= 'Z') value = ch.charCodeAt(0) - 55;
    else if (ch === '<') value = 0;
    else throw new RangeError(`character not allowed in an ICAO 9303 field: ${ch}`);
    sum += value * (weights[i % 3] ?? 0);
  }
  return sum % 10;
}

// ---------------------------------------------------------------------------------------
// UNZR (УНЗР), the record number in the Unified State Demographic Register:
// YYYYMMDD-NNNNC: date of birth, a dash, a serial 0001..9999, and a check digit computed,
// per the State Migration Service, "by the method for check digits in the machine-readable
// zone of passports" (ICAO 9303: 7-3-1, mod 10), here over the 12 preceding digits.
// ---------------------------------------------------------------------------------------

export function unzrCheckDigit(first12: string): number {
  if (first12.length !== 12 || !DIGITS.test(first12)) throw new RangeError('unzrCheckDigit needs exactly 12 digits');
  return icaoCheckDigit(first12);
}

export function makeUnzr(dateOfBirth: IsoDate, serial: number): string {
  const birth = parseIsoDate(dateOfBirth);
  if (birth === null) throw new RangeError(`not a date: ${dateOfBirth}`);
  return unzrFromDay(birth, serial);
}

/** makeUnzr for a day number (days since 1970-01-01). */
export function unzrFromDay(birth: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new RangeError('UNZR serial must be 1..9999');
  const date = compactDay(birth);
  const serial4 = String(serial).padStart(4, '0');
  return `${date}-${serial4}${unzrCheckDigit(date + serial4)}`;
}

export function isValidUnzr(text: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{4})(\d)$/.exec(text);
  if (!m) return false;
  if (parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`) === null) return false;
  if (m[4] === '0000') return false;
  return unzrCheckDigit(`${m[1]}${m[2]}${m[3]}${m[4]}`) === Number(m[5]);
}

/** Date of birth encoded in a valid UNZR, or null. */
export function parseUnzr(text: string): { dateOfBirth: IsoDate; serial: number } | null {
  if (!isValidUnzr(text)) return null;
  return { dateOfBirth: `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`, serial: Number(text.slice(9, 13)) };
}

// ---------------------------------------------------------------------------------------
// VIN (ISO 3779): 17 characters, no I, O or Q. Position 9 is the check digit of
// 49 CFR 565.15 (North America; common elsewhere): transliterate, weight, sum mod 11, 10 = X.
// ---------------------------------------------------------------------------------------

const VIN_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;
export const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_SHAPE = /^[0-9A-HJ-NPR-Z]{17}$/;

/** Check character (0-9 or X) of a 17-character VIN; position 9 is ignored. */
export function vinCheckDigit(vin: string): string {
  if (!VIN_SHAPE.test(vin.slice(0, 8) + '0' + vin.slice(9)))
    throw new RangeError('a VIN is 17 characters from 0-9 and A-Z without I, O, Q');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i] ?? '0';
    const value = ch >= '0' && ch <= '9' ? Number(ch) : (VIN_VALUES[ch] ?? 0);
    sum += value * (VIN_WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function isValidVin(vin: string): boolean {
  if (!VIN_SHAPE.test(vin)) return false;
  return vinCheckDigit(vin) === vin[8];
}

/** Model-year code (VIN position 10): a 30-year cycle, 1980 = A ... 2000 = Y, 2001 = 1 ... 2010 = A. */
export function vinYearCode(year: number): string {
  const cycle = 'ABCDEFGHJKLMNPRSTVWXY123456789';
  return cycle[(((year - 1980) % 30) + 30) % 30] ?? 'A';
}

// ---------------------------------------------------------------------------------------
// Document number shapes.
// ---------------------------------------------------------------------------------------

/** Latin letters whose capitals look the same in Cyrillic; Ukrainian plates and series use them. */
export const LOOKALIKE_LETTERS = 'ABCEHIKMOPTX';

/** Region codes of Ukrainian number plates (2004 series), by KOATUU region code. */
export const PLATE_REGION_CODES: Readonly<Record<string, string>> = {
  '01': 'AK',
  '05': 'AB',
  '07': 'AC',
  '12': 'AE',
  '14': 'AH',
  '18': 'AM',
  '21': 'AO',
  '23': 'AP',
  '26': 'AT',
  '32': 'AI',
  '35': 'BA',
  '44': 'BB',
  '46': 'BC',
  '48': 'BE',
  '51': 'BH',
  '53': 'BI',
  '56': 'BK',
  '59': 'BM',
  '61': 'BO',
  '63': 'AX',
  '65': 'BT',
  '68': 'BX',
  '71': 'CA',
  '73': 'CE',
  '74': 'CB',
  '80': 'AA',
  '85': 'CH',
};

const PLATE_SHAPE = new RegExp(`^(${Object.values(PLATE_REGION_CODES).join('|')})(\\d{4})([${LOOKALIKE_LETTERS}]{2})$`);

/** Ukrainian plate: region code (2 letters), 4 digits (not 0000), 2 series letters, lookalike letters only. */
export function isValidPlate(plate: string): boolean {
  const m = PLATE_SHAPE.exec(plate);
  return m !== null && m[2] !== '0000';
}

/** ID card (біометричний паспорт громадянина у формі картки): 9 digits. */
export function isValidIdCardNumber(text: string): boolean {
  return /^\d{9}$/.test(text);
}

/** Passport for travel abroad: 2 Latin capitals + 6 digits. */
export function isValidPassportNumber(text: string): boolean {
  return /^[A-Z]{2}\d{6}$/.test(text);
}

/** Driver licence: 3 lookalike letters + 6 digits. */
export function isValidDriverLicenceNumber(text: string): boolean {
  return new RegExp(`^[${LOOKALIKE_LETTERS}]{3}\\d{6}$`).test(text);
}

/** Vehicle registration certificate: 3 lookalike letters + 6 digits. */
export function isValidRegistrationCertificateNumber(text: string): boolean {
  return new RegExp(`^[${LOOKALIKE_LETTERS}]{3}\\d{6}$`).test(text);
}

/** Student card: 2 lookalike letters + 8 digits. */
export function isValidStudentCardNumber(text: string): boolean {
  return new RegExp(`^[${LOOKALIKE_LETTERS}]{2}\\d{8}$`).test(text);
}
