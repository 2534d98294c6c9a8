/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), so that
 * no Date object, time zone or locale can change a result. Algorithms after Howard
 * Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

/** An ISO 8601 calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Memo of formatted days from 1800 to 2299 (the generator formats the same days many times). */
const MEMO_FROM = -62091; // 1800-01-01
const MEMO_SIZE = 182621; // to 2299-12-31
let memo: (IsoDate | undefined)[] | null = null;

export function formatDay(days: number): IsoDate {
  const i = days - MEMO_FROM;
  const inRange = Number.isInteger(i) && i >= 0 && i < MEMO_SIZE;
  if (inRange) {
    memo ??= new Array<IsoDate | undefined>(MEMO_SIZE).fill(undefined);
    const hit = memo[i];
    if (hit !== undefined) return hit;
  }
  const { year, month, day } = civilFromDays(days);
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (inRange && memo) memo[i] = text;
  return text;
}

/** YYYYMMDD, as in the UNZR. */
export function compactDay(days: number): string {
  return formatDay(days).replaceAll('-', '');
}

/** Day number of a YYYY-MM-DD string, or null if it is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** Same calendar day n years later; 29 February becomes 28 February in a common year. */
export function addYears(days: number, years: number): number {
  const { year, month, day } = civilFromDays(days);
  const y = year + years;
  return daysFromCivil(y, month, Math.min(day, daysInMonth(y, month)));
}

/** Full years of age on a given day. */
export function ageOn(birth: number, on: number): number {
  const b = civilFromDays(birth);
  const t = civilFromDays(on);
  let age = t.year - b.year;
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) age -= 1;
  return age;
}

export function yearOf(days: number): number {
  return civilFromDays(days).year;
}
