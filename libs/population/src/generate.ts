/**
 * The population generator: families of households, each with its people and every
 * register's records, streamed one household at a time.
 */
import { addYears, ageOn, daysFromCivil, formatDay, parseIsoDate, yearOf, type IsoDate } from './dates.js';
import {
  LOOKALIKE_LETTERS,
  PLATE_REGION_CODES,
  VIN_ALPHABET,
  rnokppFromDay,
  unzrFromDay,
  vinCheckDigit,
  vinYearCode,
  type Sex,
} from './identifiers.js';
import { GIVEN_NAMES, SURNAMES, cohortOf, patronymic, surnameFor, type Surname } from './names.js';
import {
  ACTIVITIES,
  REGION_BY_CODE,
  SETTLEMENTS,
  SPECIALTIES,
  STREETS,
  UNIVERSITIES,
  VEHICLE_COLOURS,
  VEHICLE_MODELS,
  VILLAGE_STREETS,
  formatPostcode,
  type Region,
  type Settlement,
  type StreetType,
} from './places.js';
import { ageGroupOf, portraitSvg } from './portrait.js';
import { Permutation, Rng, hashInts, hashString, mix32 } from './prng.js';
import { transliterate } from './translit.js';
import type {
  Address,
  Authority,
  BirthRecord,
  Certificate,
  DiplomaRecord,
  DocumentStatus,
  DriverLicenceRecord,
  FamilyRelation,
  Household,
  HouseholdKind,
  IdCardRecord,
  LicenceCategory,
  MaritalStatus,
  MarriageRecord,
  ParentEntry,
  PassportRecord,
  Place,
  RegisterRecords,
  SpouseEntry,
  StudentCardRecord,
} from './types.js';

export interface PopulationOptions {
  /** Any string or integer; the same seed, citizens and today give byte-identical output. */
  seed: string | number;
  /** Number of persons in the Population register, living and deceased together. */
  citizens: number;
  /** The day the data is "as of" (YYYY-MM-DD): ages, validity and statuses are computed against it. */
  today: IsoDate;
}

/** Returned by the generator when it is done (the value of the final `next()`). */
export interface PopulationSummary {
  persons: number;
  living: number;
  deceased: number;
  households: number;
  families: number;
  records: number;
}

/** Start of ID cards (biometric passports in card form): 11 January 2016. */
const ID_CARD_START = daysFromCivil(2016, 1, 11);
/** Start of biometric passports for travelling abroad: 12 January 2015. */
const BIOMETRIC_PASSPORT_START = daysFromCivil(2015, 1, 12);
const PASSPORT_PREFIXES = ['FA', 'FB', 'FC', 'FE', 'FH', 'FK', 'FM', 'FP', 'FT', 'FU', 'FV', 'FX', 'FY', 'GA', 'GB', 'GC'];
const ROMAN = ['І', 'ІІ', 'ІІІ', 'ІV', 'V', 'VІ', 'VІІ', 'VІІІ', 'ІХ', 'Х'];

/** A person drafted before records are written. */
interface Draft {
  seq: number;
  id: string;
  sex: Sex;
  dob: number;
  firstName: string;
  /** Given name of the father the patronymic is formed from. */
  fatherName: string;
  patronymic: string;
  birthSurname: Surname;
  surname: Surname;
  birthplace: Settlement;
  death: number | null;
  mother: Draft | null;
  father: Draft | null;
  /** Parents outside the population, as named in the birth record. */
  externalMother: External | null;
  externalFather: External | null;
  fatherBasis: BirthRecord['fatherBasis'];
  children: Draft[];
  marriages: MarriageDraft[];
  household: HouseholdDraft;
  birthRecordId: string;
  /** A student household member always studies. */
  student: boolean;
}

/** Someone named in a record who is not in this population. */
interface External {
  sex: Sex;
  firstName: string;
  patronymic: string;
  birthSurname: Surname;
  surname: Surname;
  dob: number;
}

interface MarriageDraft {
  id: string;
  husband: Draft | External;
  wife: Draft | External;
  day: number;
  /** Surname of the wife after the marriage. */
  wifeSurnameAfter: Surname;
  status: 'registered' | 'dissolved' | 'terminated';
  endedOn: number | null;
  settlement: Settlement;
}

interface HouseholdDraft {
  id: string;
  seq: number;
  familyId: string;
  kind: HouseholdKind;
  settlement: Settlement;
  address: Address;
  members: Draft[];
  marriages: MarriageDraft[];
}

const isDraft = (p: Draft | External): p is Draft => 'id' in p;

const ZEROS = '0000000000';
const pad = (n: number, width: number): string => {
  const text = String(n);
  return text.length >= width ? text : ZEROS.slice(0, width - text.length) + text;
};

/** Cumulative weights for fast weighted picks. */
class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) {
      sum += Math.max(0, weight(item));
      this.cumulative.push(sum);
    }
    this.total = sum;
  }
  pick(rng: Rng): T {
    const r = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    const item = this.items[lo];
    if (item === undefined) throw new RangeError('empty weighted table');
    return item;
  }
}

const RESIDENCES = new WeightedTable(SETTLEMENTS, (s) => s.weight);
const BIRTHPLACES = new WeightedTable(SETTLEMENTS, (s) => (s.weight > 0 ? s.weight : 150));
const BIRTHPLACES_BY_REGION = new Map<string, WeightedTable<Settlement>>();
for (const code of new Set(SETTLEMENTS.map((s) => s.regionCode))) {
  BIRTHPLACES_BY_REGION.set(
    code,
    new WeightedTable(
      SETTLEMENTS.filter((s) => s.regionCode === code),
      (s) => (s.weight > 0 ? s.weight : 150),
    ),
  );
}
const UNIVERSITY_TOWNS = new WeightedTable(
  SETTLEMENTS.filter((s) => s.university === true),
  (s) => s.weight,
);
const VEHICLES = new WeightedTable(VEHICLE_MODELS, (m) => m.weight);
const VILLAGES = new WeightedTable(
  SETTLEMENTS.filter((s) => s.type !== 'місто'),
  (s) => s.weight,
);
const SETTLEMENT_INDEX = new Map(SETTLEMENTS.map((s, i) => [s, i]));

/** Bands of adult ages with weights (a Ukrainian-like age structure). */
const ADULT_AGE_BANDS: readonly (readonly [number, number, number])[] = [
  [18, 24, 7],
  [25, 34, 14],
  [35, 44, 17],
  [45, 54, 15],
  [55, 64, 15],
  [65, 74, 12],
  [75, 84, 6],
  [85, 95, 2],
];

/**
 * Generate a population: an iterable of households that together hold exactly `citizens`
 * persons (the deceased included). Streams: memory stays flat however large `citizens` is.
 */
export function* generatePopulation(options: PopulationOptions): Generator<Household, PopulationSummary, undefined> {
  const state = new PopulationState(options);
  let remaining = options.citizens;
  while (remaining > 0) {
    const family = state.buildFamily(remaining);
    for (const draft of family) {
      remaining -= draft.members.length;
      yield state.finalize(draft);
    }
  }
  return state.summary();
}

class PopulationState {
  private readonly rng: Rng;
  private readonly seedHash: number;
  readonly today: number;
  private readonly todayYear: number;
  private readonly counters = new Map<string, number>();
  private readonly ids: Record<string, number> = Object.create(null) as Record<string, number>;
  private readonly acts = new Map<number, number>();
  private readonly serialCounters = new Map<string, number>();
  private readonly latinCache = new Map<string, string>();
  private readonly permutations = new Map<string, Permutation>();
  private readonly unzrSerials = new Map<number, number>();
  private readonly rnokppSerials = new Map<number, number>();
  private readonly stats = { persons: 0, living: 0, deceased: 0, households: 0, families: 0, records: 0 };

  constructor(options: PopulationOptions) {
    const today = parseIsoDate(options.today);
    if (today === null) throw new RangeError(`today is not a YYYY-MM-DD date: ${options.today}`);
    if (today < daysFromCivil(2005, 1, 1) || today > daysFromCivil(2150, 12, 31))
      throw new RangeError('today must be between 2005-01-01 and 2150-12-31');
    if (!Number.isSafeInteger(options.citizens) || options.citizens < 0) throw new RangeError('citizens must be a non-negative integer');
    if (typeof options.seed === 'number' && !Number.isSafeInteger(options.seed))
      throw new RangeError('a numeric seed must be a safe integer');
    this.today = today;
    this.todayYear = yearOf(today);
    const seedText = typeof options.seed === 'number' ? `n:${options.seed}` : `s:${options.seed}`;
    this.seedHash = hashString(seedText);
    this.rng = new Rng(seedText);
  }

  summary(): PopulationSummary {
    return { ...this.stats };
  }

  // ------------------------------------------------------------------ counters and numbers

  private next(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  private nextId(prefix: string, width = 8): string {
    const n = (this.ids[prefix] ?? 0) + 1;
    this.ids[prefix] = n;
    return prefix + pad(n, width);
  }

  /** Transliteration, memoised: the same few hundred names recur. */
  private toLatin(text: string): string {
    let latin = this.latinCache.get(text);
    if (latin === undefined) {
      latin = transliterate(text);
      if (this.latinCache.size < 20_000) this.latinCache.set(text, latin);
    }
    return latin;
  }

  /** The k-th value of a keyed permutation of [0, size): unique per key without memory of the past. */
  private serial(key: string, size: number): number {
    let perm = this.permutations.get(key);
    if (!perm) {
      perm = new Permutation(size, hashString(key, this.seedHash));
      this.permutations.set(key, perm);
    }
    const k = this.serialCounters.get(key) ?? 0;
    this.serialCounters.set(key, k + 1);
    if (k >= size) throw new RangeError(`identifier space exhausted: ${key}`);
    return perm.apply(k);
  }

  private letters(index: number, count: number): string {
    let out = '';
    let x = index;
    for (let i = 0; i < count; i++) {
      out = (LOOKALIKE_LETTERS[x % 12] ?? 'A') + out;
      x = Math.floor(x / 12);
    }
    return out;
  }

  private unzrFor(dob: number): string {
    const c = this.unzrSerials.get(dob) ?? 0;
    if (c >= 9999) throw new RangeError('UNZR serials exhausted for a date of birth');
    this.unzrSerials.set(dob, c + 1);
    const serial = 1 + ((c * 7919 + (mix32(dob ^ this.seedHash) % 9999)) % 9999);
    return unzrFromDay(dob, serial);
  }

  private rnokppFor(dob: number, sex: Sex): string {
    const key = dob * 2 + (sex === 'M' ? 1 : 0);
    const c = this.rnokppSerials.get(key) ?? 0;
    if (c >= 5000) throw new RangeError('RNOKPP serials exhausted for a date of birth');
    this.rnokppSerials.set(key, c + 1);
    const index = (c * 2399 + (mix32(key ^ this.seedHash) % 5000)) % 5000;
    return rnokppFromDay(dob, sex, index);
  }

  // ------------------------------------------------------------------ random helpers

  private day(lo: number, hi: number): number {
    if (lo > hi) throw new RangeError(`empty day range ${formatDay(lo)}..${formatDay(hi)}`);
    return this.rng.int(lo, hi);
  }

  private dobForAge(minAge: number, maxAge: number): number {
    const earliest = addYears(this.today, -(maxAge + 1)) + 1;
    const latest = addYears(this.today, -minAge);
    return this.day(earliest, latest);
  }

  private adultAge(min: number, max: number): number {
    const bands = ADULT_AGE_BANDS.filter(([lo, hi]) => hi >= min && lo <= max);
    const band = bands[this.rng.weighted(bands.map((b) => b[2]))] ?? [min, max, 1];
    return this.rng.int(Math.max(min, band[0]), Math.min(max, band[1]));
  }

  private givenName(sex: Sex, birthYear: number): string {
    return this.rng.pick(GIVEN_NAMES[sex][cohortOf(birthYear)]);
  }

  private surname(): Surname {
    return this.rng.pick(SURNAMES);
  }

  private birthplaceNear(settlement: Settlement): Settlement {
    if (this.rng.chance(0.6)) return BIRTHPLACES_BY_REGION.get(settlement.regionCode)?.pick(this.rng) ?? settlement;
    return BIRTHPLACES.pick(this.rng);
  }

  // ------------------------------------------------------------------ drafting people

  private person(hh: HouseholdDraft, sex: Sex, dob: number, surname: Surname, fatherName: string, birthplace: Settlement): Draft {
    const seq = this.next('person');
    const draft: Draft = {
      seq,
      id: `P${pad(seq, 8)}`,
      sex,
      dob,
      firstName: this.givenName(sex, yearOf(dob)),
      fatherName,
      patronymic: patronymic(fatherName, sex),
      birthSurname: surname,
      surname,
      birthplace,
      death: null,
      mother: null,
      father: null,
      externalMother: null,
      externalFather: null,
      fatherBasis: 'marriage',
      children: [],
      marriages: [],
      household: hh,
      birthRecordId: this.nextId('BR'),
      student: false,
    };
    hh.members.push(draft);
    return draft;
  }

  /** An adult whose parents are not in the population. */
  private stranger(hh: HouseholdDraft, sex: Sex, dob: number): Draft {
    const fatherName = this.givenName('M', yearOf(dob) - 28);
    return this.person(hh, sex, dob, this.surname(), fatherName, this.birthplaceNear(hh.settlement));
  }

  private external(sex: Sex, dob: number, surname?: Surname): External {
    const s = surname ?? this.surname();
    return {
      sex,
      firstName: this.givenName(sex, yearOf(dob)),
      patronymic: patronymic(this.givenName('M', yearOf(dob) - 28), sex),
      birthSurname: s,
      surname: s,
      dob,
    };
  }

  private child(
    hh: HouseholdDraft,
    mother: Draft | External,
    father: Draft | External | null,
    dob: number,
    basis: BirthRecord['fatherBasis'],
    options: { surname?: Surname; sex?: Sex; birthplace?: Settlement } = {},
  ): Draft {
    const sex: Sex = options.sex ?? (this.rng.chance(0.515) ? 'M' : 'F');
    const fatherName = father ? father.firstName : this.givenName('M', yearOf(dob) - 28);
    const birthplace = options.birthplace ?? (this.rng.chance(0.85) ? hh.settlement : this.birthplaceNear(hh.settlement));
    const surname = options.surname ?? (father ? father.surname : mother.surname);
    const kid = this.person(hh, sex, dob, surname, fatherName, birthplace);
    kid.fatherBasis = basis;
    if (isDraft(mother)) {
      kid.mother = mother;
      mother.children.push(kid);
    } else kid.externalMother = mother;
    if (father && isDraft(father)) {
      kid.father = father;
      father.children.push(kid);
    } else if (father) kid.externalFather = father;
    return kid;
  }

  private marry(hh: HouseholdDraft, husband: Draft | External, wife: Draft | External, day: number, takesName: boolean): MarriageDraft {
    const m: MarriageDraft = {
      id: this.nextId('MR'),
      husband,
      wife,
      day,
      wifeSurnameAfter: takesName ? husband.surname : wife.surname,
      status: 'registered',
      endedOn: null,
      settlement: this.rng.chance(0.8) ? hh.settlement : this.birthplaceNear(hh.settlement),
    };
    if (takesName) wife.surname = husband.surname;
    if (isDraft(husband)) husband.marriages.push(m);
    if (isDraft(wife)) wife.marriages.push(m);
    hh.marriages.push(m);
    return m;
  }

  /** A wedding day when both were adults and, if given, not after `before`. */
  private weddingDay(a: number, b: number, before: number): number | null {
    const earliest = Math.max(addYears(a, 18), addYears(b, 18));
    const latest = Math.min(before, this.today - 30);
    if (earliest > latest) return null;
    // Usually in the early twenties; otherwise any time.
    const typical = Math.max(earliest, addYears(Math.max(a, b), this.rng.int(20, 29)));
    if (typical <= latest && this.rng.chance(0.8)) return this.day(typical, Math.min(latest, typical + 4 * 365));
    return this.day(earliest, latest);
  }

  /**
   * Children of a couple living at home (aged 0-23 today), at most `max`; returns them oldest first.
   */
  private children(
    hh: HouseholdDraft,
    mother: Draft | External,
    father: Draft | External | null,
    max: number,
    basis: (dob: number) => BirthRecord['fatherBasis'],
    surname?: Surname,
  ): Draft[] {
    if (max <= 0) return [];
    const wanted = Math.min(max, [1, 1, 1, 1, 2, 2, 2, 3][this.rng.int(0, 7)] ?? 1);
    let lo = Math.max(addYears(mother.dob, 19), addYears(this.today, -23) + 1);
    if (father) lo = Math.max(lo, addYears(father.dob, 19));
    const hi = Math.min(this.today, addYears(mother.dob, 44));
    if (lo > hi) return [];
    const kids: Draft[] = [];
    let dob = this.day(lo, Math.max(lo, hi - (wanted - 1) * 700));
    for (let i = 0; i < wanted && dob <= hi; i++) {
      kids.push(this.child(hh, mother, father, dob, basis(dob), surname ? { surname } : {}));
      dob += this.rng.int(330, 2600);
    }
    return kids;
  }

  // ------------------------------------------------------------------ households and families

  private household(kind: HouseholdKind, familyId: string, settlement: Settlement): HouseholdDraft {
    const seq = this.next('household');
    const id = `H${pad(seq, 8)}`;
    return { id, seq, familyId, kind, settlement, address: this.address(seq, settlement), members: [], marriages: [] };
  }

  private address(seq: number, s: Settlement): Address {
    const region = REGION_BY_CODE.get(s.regionCode) as Region;
    const village = s.type !== 'місто';
    let streetType: StreetType = 'вулиця';
    if (!village)
      streetType = this.rng.pickWeighted<StreetType>([
        ['вулиця', 80],
        ['проспект', 8],
        ['бульвар', 5],
        ['провулок', 7],
      ]);
    else if (this.rng.chance(0.1)) streetType = 'провулок';
    const building = String(village ? this.rng.int(1, 150) : this.rng.int(1, 220)) + (this.rng.chance(0.05) ? 'А' : '');
    const flats = !village && this.rng.chance(s.weight >= 100 ? 0.78 : 0.4);
    return {
      id: `A${pad(seq, 8)}`,
      postcode: formatPostcode(this.rng.int(s.postcodes[0], s.postcodes[1])),
      region: region.name,
      regionCode: region.code,
      settlementType: s.type,
      settlement: s.name,
      streetType,
      street: this.rng.pick(village ? VILLAGE_STREETS : STREETS),
      building,
      apartment: flats ? String(this.rng.int(1, 320)) : null,
    };
  }

  buildFamily(budget: number): HouseholdDraft[] {
    const familyId = `F${pad(this.next('family'), 8)}`;
    this.stats.families++;
    const kinds: [string, number, number][] = [
      ['couple-with-children', 24, 3],
      ['couple', 20, 2],
      ['single-parent', 6, 2],
      ['single', 26, 1],
      ['three-generations', 5, 4],
      ['students', 2, 2],
      ['family', 17, 3],
    ];
    const open = kinds.filter((k) => k[2] <= budget);
    const kind = open[this.rng.weighted(open.map((k) => k[1]))]?.[0] ?? 'single';
    switch (kind) {
      case 'couple-with-children':
        return [this.coupleWithChildren(familyId, budget)];
      case 'couple':
        return [this.couple(familyId)];
      case 'single-parent':
        return [this.singleParent(familyId, budget)];
      case 'three-generations':
        return [this.threeGenerations(familyId, budget)];
      case 'students':
        return [this.students(familyId, budget)];
      case 'family':
        return this.extendedFamily(familyId, budget);
      default:
        return [this.single(familyId, budget)];
    }
  }

  /** A couple (married or not) with children at home; `given`, if any, is one of the couple already drafted (a child of parents in the population). */
  private coupleWithChildren(familyId: string, budget: number, given?: Draft, hhGiven?: HouseholdDraft): HouseholdDraft {
    const hh = hhGiven ?? this.household('couple-with-children', familyId, RESIDENCES.pick(this.rng));
    const { husband, wife, marriage } = this.pair(hh, given, this.adultAge(22, 50));
    const basis = (dob: number): BirthRecord['fatherBasis'] => (marriage && marriage.day <= dob ? 'marriage' : 'joint-application');
    const kids = this.children(hh, wife, husband, budget - hh.members.length, basis);
    if (kids.length === 0 && hh.kind === 'couple-with-children') hh.kind = 'couple';
    return hh;
  }

  /** Husband and wife (one of them possibly given), married in 88 % of cases. */
  private pair(
    hh: HouseholdDraft,
    given: Draft | undefined,
    wifeAge: number,
  ): { husband: Draft; wife: Draft; marriage: MarriageDraft | null } {
    let husband: Draft;
    let wife: Draft;
    if (given && given.sex === 'M') {
      husband = given;
      const gap = this.rng.int(-6 * 365, 2 * 365);
      wife = this.stranger(hh, 'F', Math.min(addYears(this.today, -18), Math.max(husband.dob - gap, addYears(this.today, -95) + 1)));
    } else if (given) {
      wife = given;
      const gap = this.rng.int(-2 * 365, 7 * 365);
      husband = this.stranger(hh, 'M', Math.min(addYears(this.today, -18), Math.max(wife.dob - gap, addYears(this.today, -95) + 1)));
    } else {
      wife = this.stranger(hh, 'F', this.dobForAge(wifeAge, wifeAge));
      const gap = this.rng.int(-2 * 365, 7 * 365);
      husband = this.stranger(hh, 'M', Math.min(addYears(this.today, -18), Math.max(wife.dob - gap, addYears(this.today, -95) + 1)));
    }
    let marriage: MarriageDraft | null = null;
    if (this.rng.chance(0.88)) {
      const day = this.weddingDay(husband.dob, wife.dob, this.today);
      if (day !== null) marriage = this.marry(hh, husband, wife, day, this.rng.chance(0.85));
    }
    return { husband, wife, marriage };
  }

  private couple(familyId: string): HouseholdDraft {
    const hh = this.household('couple', familyId, RESIDENCES.pick(this.rng));
    this.pair(hh, undefined, this.rng.chance(0.25) ? this.adultAge(20, 44) : this.adultAge(45, 90));
    return hh;
  }

  private singleParent(familyId: string, budget: number): HouseholdDraft {
    const hh = this.household('single-parent', familyId, RESIDENCES.pick(this.rng));
    const age = this.adultAge(22, 50);
    if (this.rng.chance(0.85)) {
      const mother = this.stranger(hh, 'F', this.dobForAge(age, age));
      if (this.rng.chance(0.55)) {
        // Divorced: the children's father is her former husband, not in this population.
        const ex = this.external('M', Math.max(mother.dob - this.rng.int(-700, 2500), addYears(this.today, -95) + 1));
        const kids = this.children(hh, mother, ex, budget - 1, () => 'marriage');
        const first = kids[0];
        const day = this.weddingDay(ex.dob, mother.dob, first ? first.dob - 60 : this.today);
        if (day !== null) {
          const m = this.marry(hh, ex, mother, day, this.rng.chance(0.85));
          m.status = 'dissolved';
          m.endedOn = this.divorceDay(day, kids[kids.length - 1]?.dob);
          if (this.rng.chance(0.3)) mother.surname = mother.birthSurname; // back to her maiden name
        } else for (const k of kids) k.fatherBasis = 'joint-application';
      } else {
        // Never married: the father entry, if any, is made at the mother's statement and bears her surname.
        const byStatement = this.rng.chance(0.8);
        const kids = this.children(hh, mother, null, budget - 1, () => (byStatement ? 'mother-statement' : null), mother.surname);
        for (const k of kids) {
          if (byStatement) {
            const father: External = {
              ...this.external('M', mother.dob - this.rng.int(-700, 2500), mother.surname),
              firstName: k.fatherName,
            };
            k.externalFather = father;
          }
        }
      }
    } else {
      const father = this.stranger(hh, 'M', this.dobForAge(age, age));
      const ex = this.external('F', father.dob + this.rng.int(-700, 2500));
      const kids = this.children(hh, ex, father, budget - 1, () => 'marriage');
      const first = kids[0];
      const day = this.weddingDay(father.dob, ex.dob, first ? first.dob - 60 : this.today);
      if (day !== null) {
        const m = this.marry(hh, father, ex, day, this.rng.chance(0.85));
        m.status = 'dissolved';
        m.endedOn = this.divorceDay(day, kids[kids.length - 1]?.dob);
      } else for (const k of kids) k.fatherBasis = 'joint-application';
    }
    if (hh.members.length === 1) hh.kind = 'single';
    return hh;
  }

  private single(familyId: string, budget: number): HouseholdDraft {
    const hh = this.household('single', familyId, RESIDENCES.pick(this.rng));
    const variant = this.rng.weighted([30, 30, 40]);
    if (variant === 0) {
      const age = this.adultAge(18, 30);
      this.stranger(hh, this.rng.chance(0.5) ? 'M' : 'F', this.dobForAge(age, age));
    } else if (variant === 1) {
      const age = this.adultAge(31, 59);
      const p = this.stranger(hh, this.rng.chance(0.5) ? 'M' : 'F', this.dobForAge(age, age));
      if (this.rng.chance(0.35)) this.divorcedFrom(hh, p);
    } else {
      const age = this.adultAge(60, 95);
      const sex: Sex = this.rng.chance(0.75) ? 'F' : 'M';
      const p = this.stranger(hh, sex, this.dobForAge(age, age));
      const r = this.rng.float();
      if (r < 0.6 && budget >= 2) this.widowed(hh, p);
      else if (r < 0.75) this.divorcedFrom(hh, p);
    }
    return hh;
  }

  /** A divorce some time after the wedding and after the last child's birth. */
  private divorceDay(wedding: number, lastChild: number | undefined): number {
    const lo = Math.min(Math.max(wedding + 200, (lastChild ?? wedding) + 200), this.today - 30);
    return this.day(Math.max(lo, wedding + 1), Math.max(this.today - 30, wedding + 1));
  }

  private divorcedFrom(hh: HouseholdDraft, p: Draft): void {
    const ex = this.external(p.sex === 'M' ? 'F' : 'M', p.dob + this.rng.int(-1500, 1500));
    const [husband, wife] = p.sex === 'M' ? [p, ex] : [ex, p];
    const day = this.weddingDay(husband.dob, wife.dob, this.today - 400);
    if (day === null) return;
    const m = this.marry(hh, husband, wife, day, this.rng.chance(0.85));
    m.status = 'dissolved';
    m.endedOn = this.divorceDay(day, undefined);
    if (p.sex === 'F' && this.rng.chance(0.4)) p.surname = p.birthSurname;
  }

  /**
   * The survivor's late spouse: a deceased person in the same household, married before
   * `marriedBefore` and died after `diedAfter`; null if that cannot be made consistent.
   */
  private widowed(hh: HouseholdDraft, survivor: Draft, marriedBefore = this.today - 5 * 365, diedAfter = -Infinity): Draft | null {
    const spouseSex: Sex = survivor.sex === 'M' ? 'F' : 'M';
    const gap = spouseSex === 'M' ? this.rng.int(0, 6 * 365) : -this.rng.int(0, 6 * 365);
    const spouseDob = survivor.dob - gap;
    const day =
      spouseSex === 'M' ? this.weddingDay(spouseDob, survivor.dob, marriedBefore) : this.weddingDay(survivor.dob, spouseDob, marriedBefore);
    if (day === null) return null;
    const deathLo = Math.max(day + 365, addYears(spouseDob, 45), diedAfter);
    const deathHi = Math.min(this.today - 3, addYears(spouseDob, 95));
    if (deathLo > deathHi) return null;
    const spouse = this.stranger(hh, spouseSex, spouseDob);
    const [husband, wife] = spouseSex === 'M' ? [spouse, survivor] : [survivor, spouse];
    const m = this.marry(hh, husband, wife, day, this.rng.chance(0.92));
    spouse.death = this.day(Math.min(deathHi, Math.max(deathLo, this.today - 25 * 365)), deathHi);
    m.status = 'terminated';
    m.endedOn = spouse.death;
    return spouse;
  }

  private threeGenerations(familyId: string, budget: number): HouseholdDraft {
    const hh = this.household('three-generations', familyId, RESIDENCES.pick(this.rng));
    // The grandmother first, then her child (one of the couple) born to her.
    const childAge = this.adultAge(25, 48);
    const childDob = this.dobForAge(childAge, childAge);
    const grandmaDob = Math.max(childDob - this.rng.int(20 * 365, 36 * 365), addYears(this.today, -95) + 1);
    const grandma = this.stranger(hh, 'F', grandmaDob);
    const sex: Sex = this.rng.chance(0.6) ? 'F' : 'M';
    const grandpa = budget >= 5 && this.rng.chance(0.7) ? this.widowed(hh, grandma, childDob - 280, childDob) : null;
    let adult: Draft;
    if (grandpa) adult = this.child(hh, grandma, grandpa, childDob, 'marriage', { sex });
    else {
      // The child's father is the grandmother's former husband, not in this population.
      const father = this.external('M', Math.max(grandma.dob - this.rng.int(-700, 2500), addYears(this.today, -100)));
      const wedding = this.weddingDay(father.dob, grandma.dob, childDob - 280);
      adult = this.child(hh, grandma, father, childDob, wedding === null ? 'joint-application' : 'marriage', { sex });
      if (wedding !== null) {
        const m = this.marry(hh, father, grandma, wedding, this.rng.chance(0.85));
        m.status = 'dissolved';
        m.endedOn = this.divorceDay(wedding, childDob);
      }
    }
    this.coupleWithChildren(familyId, budget, adult, hh);
    return hh;
  }

  private students(familyId: string, budget: number): HouseholdDraft {
    const hh = this.household('students', familyId, UNIVERSITY_TOWNS.pick(this.rng));
    const n = Math.min(budget, this.rng.int(2, 3));
    for (let i = 0; i < n; i++) {
      const age = this.rng.int(17, 22);
      const s = this.stranger(hh, this.rng.chance(0.5) ? 'M' : 'F', this.dobForAge(age, age));
      s.birthplace = BIRTHPLACES.pick(this.rng);
      s.student = true;
    }
    return hh;
  }

  /** Older parents (or a widowed parent) and the households of their adult children. */
  private extendedFamily(familyId: string, budget: number): HouseholdDraft[] {
    const home = this.rng.chance(0.35) ? VILLAGES.pick(this.rng) : RESIDENCES.pick(this.rng);
    const parents = this.household('parents', familyId, home);
    const motherAge = this.adultAge(55, 90);
    const mother = this.stranger(parents, 'F', this.dobForAge(motherAge, motherAge));
    let father: Draft | null = null;
    let marriage: MarriageDraft | null = null;
    if (this.rng.chance(0.3) && budget >= 4) {
      father = this.widowed(parents, mother);
      marriage = mother.marriages[0] ?? null;
    }
    if (!father) {
      const gap = this.rng.int(-2 * 365, 6 * 365);
      father = this.stranger(parents, 'M', Math.max(mother.dob - gap, addYears(this.today, -95) + 1));
      const day = this.weddingDay(father.dob, mother.dob, addYears(mother.dob, 30));
      marriage = day !== null ? this.marry(parents, father, mother, day, this.rng.chance(0.9)) : null;
    }
    const households = [parents];
    let used = parents.members.length;
    const wanted = this.rng.pickWeighted([
      [1, 40],
      [2, 45],
      [3, 15],
    ] as const);
    const lo = Math.max(addYears(mother.dob, 20), (marriage?.day ?? 0) + 280, addYears(father.dob, 19));
    const hi = Math.min(addYears(mother.dob, 40), addYears(this.today, -20), father.death ?? Number.MAX_SAFE_INTEGER);
    let dob = lo <= hi ? this.day(lo, Math.max(lo, Math.min(hi, lo + 8 * 365))) : Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < wanted && dob <= hi && used < budget; i++) {
      const settlement = this.rng.chance(0.4) ? home : RESIDENCES.pick(this.rng);
      const hh = this.household('single', familyId, settlement);
      const basis = marriage && marriage.day <= dob ? 'marriage' : 'joint-application';
      const adult = this.child(hh, mother, father, dob, basis, { birthplace: this.rng.chance(0.7) ? home : this.birthplaceNear(home) });
      const room = budget - used;
      const r = this.rng.float();
      if (room >= 3 && r < 0.55) {
        hh.kind = 'couple-with-children';
        this.coupleWithChildren(familyId, room, adult, hh);
      } else if (room >= 2 && r < 0.7) {
        hh.kind = 'couple';
        this.pair(hh, adult, 30);
      } else hh.kind = 'single';
      used += hh.members.length;
      households.push(hh);
      dob += this.rng.int(400, 3000);
    }
    return households;
  }

  // ------------------------------------------------------------------ records

  finalize(hh: HouseholdDraft): Household {
    const records: RegisterRecords = {
      population: { persons: [], residences: [], familyLinks: [] },
      identityDocuments: { idCards: [], passports: [], portraits: [] },
      drivers: { licences: [] },
      vehicles: { vehicles: [] },
      tax: { taxpayers: [], soleProprietors: [] },
      civilStatus: { births: [], marriages: [], deaths: [] },
      education: { studentCards: [], diplomas: [] },
    };
    const region = REGION_BY_CODE.get(hh.settlement.regionCode) as Region;
    for (const p of hh.members) this.personRecords(p, hh, region, records);
    for (const m of hh.marriages) records.civilStatus.marriages.push(this.marriageRecord(m));
    this.stats.households++;
    let count = 0;
    for (const register of Object.values(records)) for (const list of Object.values(register) as unknown[][]) count += list.length;
    this.stats.records += count;
    return {
      id: hh.id,
      index: hh.seq - 1,
      familyId: hh.familyId,
      kind: hh.kind,
      address: hh.address,
      personIds: hh.members.map((m) => m.id),
      records,
    };
  }

  private place(s: Settlement): Place {
    const region = REGION_BY_CODE.get(s.regionCode) as Region;
    return { settlement: s.name, settlementType: s.type, region: region.name, regionCode: region.code, country: 'UKR' };
  }

  private placeText(s: Settlement): string {
    const abbr = s.type === 'місто' ? 'м.' : s.type === 'село' ? 'с.' : 'смт';
    const region = REGION_BY_CODE.get(s.regionCode) as Region;
    return s.regionCode === '80' ? `${abbr} ${s.name}` : `${abbr} ${s.name}, ${region.name}`;
  }

  private registryOffice(s: Settlement): Authority {
    const index = SETTLEMENT_INDEX.get(s) ?? 0;
    return { code: `${s.regionCode}${pad(index, 3)}`, name: `Відділ державної реєстрації актів цивільного стану, ${this.placeText(s)}` };
  }

  private taxOffice(region: Region): Authority {
    return { code: `${region.code}00`, name: `Головне управління ДПС у ${region.locative}` };
  }

  /** 4-digit code of a passport office (migration service unit) in a settlement. */
  private passportOffice(s: Settlement): string {
    return `${s.regionCode}${pad(1 + (hashString(s.name) % 60), 2)}`;
  }

  private serviceCentre(s: Settlement): string {
    return `ТСЦ ${s.regionCode}${pad(41 + (hashString(s.name) % 50), 2)}`;
  }

  /** Act record numbers run from 1 in each registry office, kind of act and year. */
  private actNumber(kind: 0 | 1 | 2, office: Settlement, day: number): number {
    const key = ((SETTLEMENT_INDEX.get(office) ?? 0) * 3 + kind) * 10000 + yearOf(day);
    const n = (this.acts.get(key) ?? 0) + 1;
    this.acts.set(key, n);
    return n;
  }

  private certificate(s: Settlement, issued: number): Certificate {
    const region = REGION_BY_CODE.get(s.regionCode) as Region;
    const k = this.next(`cert:${region.code}`) - 1;
    const round = Math.floor(k / 1_000_000);
    const key = `cert:${region.code}:${round}`;
    let perm = this.permutations.get(key);
    if (!perm) {
      perm = new Permutation(1_000_000, hashString(key, this.seedHash));
      this.permutations.set(key, perm);
    }
    if (round >= ROMAN.length) throw new RangeError('certificate series exhausted');
    return {
      series: `${ROMAN[round]}-${region.certificateSeries}`,
      number: pad(perm.apply(k % 1_000_000), 6),
      issuedOn: formatDay(issued),
    };
  }

  private names(p: Draft): { lastName: string; firstName: string; patronymic: string } {
    return { lastName: surnameFor(p.surname, p.sex), firstName: p.firstName, patronymic: p.patronymic };
  }

  private latin(p: Draft): { lastName: string; firstName: string } {
    return { lastName: this.toLatin(surnameFor(p.surname, p.sex)), firstName: this.toLatin(p.firstName) };
  }

  private maritalStatus(p: Draft): MaritalStatus {
    let status: MaritalStatus = 'single';
    let latest = -Infinity;
    for (const m of p.marriages) {
      if (m.day < latest) continue;
      latest = m.day;
      if (m.status === 'registered') status = 'married';
      else if (m.status === 'dissolved') status = 'divorced';
      else {
        const other = m.husband === p ? m.wife : m.husband;
        status = isDraft(other) && other.death !== null && other.death === m.endedOn ? 'widowed' : 'married';
      }
    }
    return status;
  }

  private parentEntry(parent: Draft | External | null, sex: Sex, child: Draft): ParentEntry {
    if (parent) {
      return {
        personId: isDraft(parent) ? parent.id : null,
        lastName: surnameFor(parent.surname, sex),
        firstName: parent.firstName,
        patronymic: parent.patronymic,
        dateOfBirth: formatDay(parent.dob),
        citizenship: 'UKR',
      };
    }
    // Parents of adults who are not in this population: named consistently with the child.
    const dob = child.dob - this.rng.int(20 * 365, 34 * 365);
    const surname = child.birthSurname;
    const firstName = sex === 'M' ? child.fatherName : this.givenName('F', yearOf(dob));
    return {
      personId: null,
      lastName: surnameFor(surname, sex),
      firstName,
      patronymic: patronymic(this.givenName('M', yearOf(dob) - 28), sex),
      dateOfBirth: formatDay(dob),
      citizenship: 'UKR',
    };
  }

  private personRecords(p: Draft, hh: HouseholdDraft, region: Region, out: RegisterRecords): void {
    const alive = p.death === null;
    this.stats.persons++;
    if (alive) this.stats.living++;
    else this.stats.deceased++;
    const names = this.names(p);
    const latin = this.latin(p);
    const dob = formatDay(p.dob);
    const unzr = this.unzrFor(p.dob);
    const rnokpp = this.rnokppFor(p.dob, p.sex);
    const placeOfBirth = this.place(p.birthplace);
    const placeText = this.placeText(p.birthplace);
    const age = ageOn(p.dob, p.death ?? this.today);
    out.population.persons.push({
      id: p.id,
      householdId: hh.id,
      unzr,
      rnokpp,
      ...names,
      latin,
      birthLastName: surnameFor(p.birthSurname, p.sex),
      sex: p.sex,
      dateOfBirth: dob,
      placeOfBirth,
      citizenship: 'UKR',
      maritalStatus: this.maritalStatus(p),
      status: alive ? 'alive' : 'deceased',
      dateOfDeath: p.death === null ? null : formatDay(p.death),
    });

    // Residence.
    const end = p.death ?? this.today;
    const bornHere = (p.mother?.household === hh || p.father?.household === hh) && age < 18;
    const regLo = Math.max(addYears(p.dob, 18), end - 25 * 365);
    const registeredOn = bornHere ? Math.min(end, p.dob + this.rng.int(7, 60)) : this.day(Math.min(regLo, end - 1), end - 1);
    out.population.residences.push({
      id: this.nextId('R'),
      personId: p.id,
      address: hh.address,
      registeredOn: formatDay(Math.max(p.dob, registeredOn)),
      deregisteredOn: p.death === null ? null : formatDay(p.death),
    });

    // Family links, each resting on a birth or a marriage record.
    const link = (relatedPersonId: string, relation: FamilyRelation, basisRecordId: string): void => {
      out.population.familyLinks.push({ id: this.nextId('L'), personId: p.id, relatedPersonId, relation, basisRecordId });
    };
    if (p.mother) link(p.mother.id, 'mother', p.birthRecordId);
    if (p.father) link(p.father.id, 'father', p.birthRecordId);
    for (const c of p.children) link(c.id, c.sex === 'M' ? 'son' : 'daughter', c.birthRecordId);
    for (const m of p.marriages) {
      const other = m.husband === p ? m.wife : m.husband;
      if (isDraft(other)) link(other.id, other.sex === 'M' ? 'husband' : 'wife', m.id);
    }

    // Birth record.
    const office = this.registryOffice(p.birthplace);
    const actDay = Math.min(this.today, p.dob + this.rng.int(2, 30));
    const father = p.father ?? p.externalFather;
    const hasFather = father !== null || p.fatherBasis === 'marriage' || p.fatherBasis === 'joint-application';
    out.civilStatus.births.push({
      id: p.birthRecordId,
      actNumber: this.actNumber(0, p.birthplace, actDay),
      actDate: formatDay(actDay),
      registryOffice: office,
      childId: p.id,
      lastName: surnameFor(p.birthSurname, p.sex),
      firstName: p.firstName,
      patronymic: p.patronymic,
      sex: p.sex,
      dateOfBirth: dob,
      placeOfBirth,
      mother: this.parentEntry(p.mother ?? p.externalMother, 'F', p),
      father: hasFather ? this.parentEntry(father, 'M', p) : null,
      fatherBasis: hasFather ? p.fatherBasis : null,
      certificate: this.certificate(p.birthplace, actDay),
    });

    // Death record.
    if (p.death !== null) {
      const deathOffice = this.registryOffice(hh.settlement);
      const deathAct = Math.min(this.today, p.death + this.rng.int(1, 5));
      out.civilStatus.deaths.push({
        id: this.nextId('DR'),
        actNumber: this.actNumber(2, hh.settlement, deathAct),
        actDate: formatDay(deathAct),
        registryOffice: deathOffice,
        personId: p.id,
        ...names,
        sex: p.sex,
        dateOfBirth: dob,
        dateOfDeath: formatDay(p.death),
        placeOfDeath: this.place(hh.settlement),
        certificate: this.certificate(hh.settlement, deathAct),
      });
    }

    // Portrait (identity documents register).
    const photoId = this.nextId('PH');
    out.identityDocuments.portraits.push({
      id: photoId,
      personId: p.id,
      svg: portraitSvg(hashInts(this.seedHash, p.seq), { sex: p.sex, ageGroup: ageGroupOf(age) }),
    });

    // Taxpayer card.
    const taxOffice = this.taxOffice(region);
    let taxDay: number;
    if (addYears(p.dob, 14) <= end)
      taxDay = Math.max(addYears(p.dob, 14) + this.rng.int(0, 1500), daysFromCivil(1996, 1, 1) + this.rng.int(0, 2000));
    else taxDay = p.dob + this.rng.int(7, 120);
    taxDay = Math.min(taxDay, end - 1, this.today);
    out.tax.taxpayers.push({
      id: this.nextId('T'),
      personId: p.id,
      rnokpp,
      ...names,
      dateOfBirth: dob,
      registeredOn: formatDay(Math.max(p.dob, taxDay)),
      taxOffice,
      status: alive ? 'active' : 'closed',
    });

    const ctx: DocContext = { p, names, latin, dob, unzr, rnokpp, placeText, photoId, hh, age, end };
    this.idCards(ctx, out);
    if (!alive) return;
    this.passports(ctx, out);
    this.driverLicence(ctx, out);
    this.soleProprietor(ctx, region, taxOffice, out);
    this.education(ctx, out);
  }

  /** Status of a document as of today. */
  private status(expires: number): DocumentStatus {
    return expires < this.today ? 'expired' : 'valid';
  }

  private idCards(ctx: DocContext, out: RegisterRecords): void {
    const { p, age } = ctx;
    const office = this.passportOffice(ctx.hh.settlement);
    const issue = (issued: number, years: number, status?: DocumentStatus, changed?: number): IdCardRecord => {
      const expires = addYears(issued, years);
      const record: IdCardRecord = {
        kind: 'id-card',
        id: this.nextId('IC'),
        personId: p.id,
        number: pad(this.serial('id-card', 1_000_000_000), 9),
        unzr: ctx.unzr,
        rnokpp: ctx.rnokpp,
        ...ctx.names,
        latin: ctx.latin,
        sex: p.sex,
        dateOfBirth: ctx.dob,
        placeOfBirth: ctx.placeText,
        issuedOn: formatDay(issued),
        expiresOn: formatDay(expires),
        authority: office,
        status: status ?? this.status(expires),
        statusChangedOn: changed === undefined ? null : formatDay(changed),
        photoId: ctx.photoId,
      };
      out.identityDocuments.idCards.push(record);
      return record;
    };
    if (p.death !== null) {
      const lo = Math.max(ID_CARD_START, addYears(p.dob, 14));
      const hi = p.death - 1;
      if (lo <= hi && this.rng.chance(0.9)) issue(this.day(lo, hi), 10, 'revoked', Math.min(this.today, p.death + this.rng.int(3, 40)));
      return;
    }
    if (age < 14) {
      const lo = Math.max(ID_CARD_START, p.dob + 30);
      if (lo <= this.today && this.rng.chance(0.25)) issue(this.day(lo, this.today), 4);
      return;
    }
    const earliest = Math.max(ID_CARD_START, addYears(p.dob, 14));
    if (earliest > this.today) return;
    if (this.rng.chance(0.04)) {
      // Expired: a 10-year card past its date, or a child's 4-year card never replaced.
      const tenHi = addYears(this.today, -10) - 1;
      if (earliest <= tenHi) {
        issue(this.day(earliest, tenHi), 10);
        return;
      }
      const childLo = Math.max(ID_CARD_START, addYears(p.dob, 10));
      const childHi = Math.min(addYears(p.dob, 14) - 1, addYears(this.today, -4) - 1);
      if (childLo <= childHi) {
        issue(this.day(childLo, childHi), 4);
        return;
      }
    }
    const issued = this.day(Math.max(earliest, addYears(this.today, -10) + 1), this.today);
    if (this.rng.chance(0.015)) {
      const lost = this.day(issued, this.today);
      issue(issued, 10, 'lost', lost);
      const replacement = lost + this.rng.int(7, 45);
      if (replacement <= this.today && this.rng.chance(0.6)) issue(replacement, 10);
      return;
    }
    issue(issued, 10);
  }

  private passports(ctx: DocContext, out: RegisterRecords): void {
    const { p, age } = ctx;
    const chance = age < 16 ? 0.15 : age <= 25 ? 0.35 : age <= 45 ? 0.45 : age <= 65 ? 0.35 : 0.12;
    if (!this.rng.chance(chance)) return;
    const earliest = Math.max(BIOMETRIC_PASSPORT_START, p.dob + 30);
    if (earliest > this.today) return;
    const office = this.passportOffice(ctx.hh.settlement);
    const issue = (issued: number, status?: DocumentStatus, changed?: number): number => {
      const years = ageOn(p.dob, issued) < 16 ? 4 : 10;
      const expires = addYears(issued, years);
      const k = this.serial('passport', PASSPORT_PREFIXES.length * 1_000_000);
      const record: PassportRecord = {
        kind: 'foreign-passport',
        type: 'P',
        countryCode: 'UKR',
        id: this.nextId('FP'),
        personId: p.id,
        number: `${PASSPORT_PREFIXES[Math.floor(k / 1_000_000)] ?? 'FA'}${pad(k % 1_000_000, 6)}`,
        unzr: ctx.unzr,
        ...ctx.names,
        latin: ctx.latin,
        sex: p.sex,
        dateOfBirth: ctx.dob,
        placeOfBirth: ctx.placeText,
        issuedOn: formatDay(issued),
        expiresOn: formatDay(expires),
        authority: office,
        status: status ?? this.status(expires),
        statusChangedOn: changed === undefined ? null : formatDay(changed),
        photoId: ctx.photoId,
      };
      out.identityDocuments.passports.push(record);
      return expires;
    };
    const issued = this.day(earliest, this.today);
    const years = ageOn(p.dob, issued) < 16 ? 4 : 10;
    const expires = addYears(issued, years);
    if (expires >= this.today && this.rng.chance(0.02)) {
      const lost = this.day(issued, this.today);
      issue(issued, 'lost', lost);
      const replacement = lost + this.rng.int(10, 60);
      if (replacement <= this.today && this.rng.chance(0.5)) issue(replacement);
      return;
    }
    issue(issued);
    // Some renewed an expired passport.
    if (expires < this.today && this.rng.chance(0.4)) issue(this.day(Math.max(expires - 90, issued + 1), this.today));
  }

  private driverLicence(ctx: DocContext, out: RegisterRecords): void {
    const { p, age } = ctx;
    if (age < 18) return;
    const chance = p.sex === 'M' ? (age < 25 ? 0.35 : age < 65 ? 0.65 : 0.45) : age < 25 ? 0.25 : age < 65 ? 0.38 : 0.12;
    if (!this.rng.chance(chance)) return;
    const eighteen = addYears(p.dob, 18);
    if (eighteen >= this.today) return;
    const first = Math.min(this.today - 1, eighteen + this.rng.int(0, 12 * 365));
    const categories: { category: LicenceCategory; since: IsoDate }[] = [{ category: 'B', since: formatDay(first) }];
    const later = (): IsoDate => formatDay(this.day(first, this.today));
    if (this.rng.chance(0.1)) categories.unshift({ category: 'A', since: later() });
    if (this.rng.chance(p.sex === 'M' ? 0.18 : 0.02)) {
      categories.push({ category: 'C', since: later() });
      if (this.rng.chance(0.3)) categories.push({ category: 'CE', since: later() });
    }
    if (p.sex === 'M' && this.rng.chance(0.03)) categories.push({ category: 'D', since: later() });
    if (this.rng.chance(0.05)) categories.push({ category: 'BE', since: later() });
    const authority = this.serviceCentre(ctx.hh.settlement);
    const issue = (issued: number, expires: number, status?: DocumentStatus, changed?: number): void => {
      const k = this.serial('licence', 1728 * 1_000_000);
      const record: DriverLicenceRecord = {
        id: this.nextId('DL'),
        personId: p.id,
        number: this.letters(Math.floor(k / 1_000_000), 3) + pad(k % 1_000_000, 6),
        ...ctx.names,
        latin: ctx.latin,
        dateOfBirth: ctx.dob,
        placeOfBirth: ctx.placeText,
        categories: categories.map((c) => ({ ...c, since: c.since > formatDay(issued) ? formatDay(issued) : c.since })),
        firstIssuedOn: formatDay(first),
        issuedOn: formatDay(issued),
        expiresOn: formatDay(expires),
        authority,
        status: status ?? this.status(expires),
        statusChangedOn: changed === undefined ? null : formatDay(changed),
        photoId: ctx.photoId,
      };
      out.drivers.licences.push(record);
    };
    if (addYears(first, 2) > this.today) {
      issue(first, addYears(first, 2)); // the first licence is issued for two years
    } else if (this.rng.chance(0.05)) {
      issue(first, addYears(first, 2)); // never exchanged its first two-year licence: expired
    } else {
      const issued = this.day(addYears(first, 2), this.today);
      if (this.rng.chance(0.02)) {
        const lost = this.day(issued, this.today);
        issue(issued, addYears(issued, 30), 'lost', lost);
        const replacement = lost + this.rng.int(5, 40);
        if (replacement <= this.today && this.rng.chance(0.5)) issue(replacement, addYears(replacement, 30));
      } else issue(issued, addYears(issued, 30));
    }
    // Vehicles, mostly owned by licence holders.
    this.vehicles(ctx, out, this.rng.chance(0.5) ? (this.rng.chance(0.1) ? 2 : 1) : 0);
  }

  private vehicles(ctx: DocContext, out: RegisterRecords, count: number): void {
    const { p } = ctx;
    const plateRegion = PLATE_REGION_CODES[ctx.hh.settlement.regionCode] ?? 'AA';
    const authority = this.serviceCentre(ctx.hh.settlement);
    for (let i = 0; i < count; i++) {
      const model = VEHICLES.pick(this.rng);
      const lastYear = Math.min(model.years[1], this.todayYear);
      if (model.years[0] > lastYear) continue;
      const year = this.rng.int(model.years[0], lastYear);
      const lo = Math.max(daysFromCivil(year, 1, 1), addYears(p.dob, 18));
      if (lo > this.today) continue;
      const registeredOn = this.day(lo, this.today);
      const v = this.serial('vin', 33 * 1_000_000);
      let vds = '';
      for (let j = 0; j < 5; j++) vds += VIN_ALPHABET[this.rng.int(10, VIN_ALPHABET.length - 1)] ?? 'A';
      const draft = `${model.wmi}${vds}0${vinYearCode(year)}${VIN_ALPHABET[Math.floor(v / 1_000_000)] ?? '0'}${pad(v % 1_000_000, 6)}`;
      const vin = draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
      const plate = this.serial(`plate:${plateRegion}`, 9999 * 144);
      const cert = this.serial('registration-certificate', 1728 * 1_000_000);
      out.vehicles.vehicles.push({
        id: this.nextId('V'),
        vin,
        plate: `${plateRegion}${pad(1 + Math.floor(plate / 144), 4)}${this.letters(plate % 144, 2)}`,
        make: model.make,
        model: model.model,
        year,
        colour: this.rng.pick(VEHICLE_COLOURS),
        fuel: model.fuel,
        engineCapacity: model.engine,
        category: 'B',
        ownerId: p.id,
        registeredOn: formatDay(registeredOn),
        registrationCertificate: this.letters(Math.floor(cert / 1_000_000), 3) + pad(cert % 1_000_000, 6),
        authority,
        status: 'registered',
      });
    }
  }

  private soleProprietor(ctx: DocContext, region: Region, taxOffice: Authority, out: RegisterRecords): void {
    const { p, age } = ctx;
    if (age < 20 || age > 64) return;
    const r = this.rng.float();
    if (r >= 0.11) return;
    const lo = Math.max(addYears(p.dob, 18), daysFromCivil(2004, 7, 1));
    if (lo > this.today - 30) return;
    const registeredOn = this.day(lo, this.today - 30);
    const terminated = r >= 0.08;
    const activities = [ACTIVITIES[this.rng.int(0, ACTIVITIES.length - 1)]];
    if (this.rng.chance(0.5)) activities.push(ACTIVITIES[this.rng.int(0, ACTIVITIES.length - 1)]);
    const unique = [...new Map(activities.filter((a) => a !== undefined).map((a) => [a.code, a])).values()];
    const k = this.serial(`fop:${region.code}`, 1_000_000);
    out.tax.soleProprietors.push({
      id: this.nextId('SP'),
      personId: p.id,
      rnokpp: ctx.rnokpp,
      fullName: `${ctx.names.lastName} ${ctx.names.firstName} ${ctx.names.patronymic}`,
      registrationNumber: `2${region.code}1000${'0000'}${pad(k, 6)}`,
      registeredOn: formatDay(registeredOn),
      taxGroup: this.rng.pickWeighted<1 | 2 | 3>([
        [1, 5],
        [2, 45],
        [3, 50],
      ]),
      activities: unique.map((a, i) => ({ code: a.code, name: a.name, primary: i === 0 })),
      status: terminated ? 'terminated' : 'active',
      terminatedOn: terminated ? formatDay(this.day(registeredOn + 1, this.today)) : null,
      taxOffice,
    });
  }

  private education(ctx: DocContext, out: RegisterRecords): void {
    const { p, age } = ctx;
    const academicYear = (() => {
      const y = this.todayYear;
      return this.today >= daysFromCivil(y, 9, 1) ? y : y - 1;
    })();
    const university = (): { code: string; name: string } => {
      const local = UNIVERSITIES.filter((u) => u.settlement === ctx.hh.settlement.name);
      const u = local.length > 0 && this.rng.chance(0.8) ? this.rng.pick(local) : this.rng.pick(UNIVERSITIES);
      return { code: u.code, name: u.name };
    };
    const diploma = (
      level: DiplomaRecord['level'],
      enrolled: number,
      completed: number,
      inst: { code: string; name: string },
      spec: (typeof SPECIALTIES)[number],
    ): void => {
      const letter = { 'junior-specialist': 'Т', bachelor: 'Б', specialist: 'С', master: 'М' }[level];
      const series = `${letter}${pad(yearOf(completed) % 100, 2)}`;
      const title = { 'junior-specialist': 'молодший спеціаліст', bachelor: 'бакалавр', specialist: 'спеціаліст', master: 'магістр' }[
        level
      ];
      out.education.diplomas.push({
        id: this.nextId('DP'),
        personId: p.id,
        series,
        number: pad(this.serial(`diploma:${series}`, 1_000_000), 6),
        level,
        ...ctx.names,
        latin: ctx.latin,
        institution: inst,
        specialty: { code: spec.code, name: spec.name },
        qualification: level === 'junior-specialist' ? title : `${title} ${spec.field}`,
        enrolledOn: formatDay(enrolled),
        completedOn: formatDay(completed),
        issuedOn: formatDay(completed),
        withHonours: this.rng.chance(0.12),
      });
    };

    // Current students.
    const bachelorStudent = (age >= 17 && age <= 21 && this.rng.chance(0.55)) || (p.student && age <= 21);
    const masterStudent = !bachelorStudent && ((age >= 21 && age <= 23 && this.rng.chance(0.18)) || (p.student && age > 21));
    if (bachelorStudent || masterStudent) {
      const degree = bachelorStudent ? 'bachelor' : 'master';
      const maxCourse = degree === 'bachelor' ? 4 : 2;
      let course = this.rng.int(1, maxCourse);
      while (course > 1 && daysFromCivil(academicYear - course + 1, 9, 1) < addYears(p.dob, 16)) course--;
      const enrolled = daysFromCivil(academicYear - course + 1, 9, 1);
      if (enrolled <= this.today && enrolled >= addYears(p.dob, 15)) {
        const inst = university();
        const spec = this.rng.pick(SPECIALTIES);
        if (degree === 'master') {
          const bachelorDone = daysFromCivil(yearOf(enrolled), 6, 30);
          diploma('bachelor', daysFromCivil(yearOf(enrolled) - 4, 9, 1), bachelorDone, inst, spec);
        }
        const expires = daysFromCivil(yearOf(enrolled) + maxCourse, 6, 30);
        const lost = this.rng.chance(0.01);
        const k = this.serial('student-card', 100_000_000);
        const record: StudentCardRecord = {
          id: this.nextId('SC'),
          personId: p.id,
          number: this.letters(mix32(k) % 144, 2) + pad(k, 8),
          ...ctx.names,
          latin: ctx.latin,
          institution: inst,
          specialty: { code: spec.code, name: spec.name },
          degree,
          studyForm: this.rng.chance(0.9) ? 'full-time' : 'part-time',
          course,
          enrolledOn: formatDay(enrolled),
          issuedOn: formatDay(Math.min(this.today, enrolled + this.rng.int(10, 40))),
          expiresOn: formatDay(expires),
          status: lost ? 'lost' : this.status(expires),
          statusChangedOn: lost ? formatDay(this.day(Math.min(this.today, enrolled + 41), this.today)) : null,
          photoId: ctx.photoId,
        };
        out.education.studentCards.push(record);
      }
      return;
    }

    // Graduates.
    if (age < 21) return;
    const born = yearOf(p.dob);
    if (!this.rng.chance(born >= 1985 ? 0.55 : born >= 1960 ? 0.45 : 0.25)) return;
    const inst = university();
    const spec = this.rng.pick(SPECIALTIES);
    const gradYear = born + this.rng.int(21, 23);
    const completed = daysFromCivil(gradYear, 6, 30);
    if (completed > this.today) return;
    if (gradYear >= 2016) {
      diploma('bachelor', daysFromCivil(gradYear - 4, 9, 1), completed, inst, spec);
      const masterDone = daysFromCivil(gradYear + 2, 6, 30);
      if (masterDone <= this.today && this.rng.chance(0.45)) diploma('master', daysFromCivil(gradYear, 9, 1), masterDone, inst, spec);
      return;
    }
    const r = this.rng.float();
    if (r < 0.2) {
      const jsDone = daysFromCivil(born + 19, 6, 30);
      if (jsDone <= this.today) diploma('junior-specialist', daysFromCivil(born + 16, 9, 1), jsDone, inst, spec);
    } else if (r < 0.45 && gradYear >= 2000) {
      diploma('bachelor', daysFromCivil(gradYear - 4, 9, 1), completed, inst, spec);
    } else {
      diploma('specialist', daysFromCivil(gradYear - 5, 9, 1), completed, inst, spec);
    }
  }

  private marriageRecord(m: MarriageDraft): MarriageRecord {
    const office = this.registryOffice(m.settlement);
    const entry = (p: Draft | External, sex: Sex): SpouseEntry => ({
      personId: isDraft(p) ? p.id : null,
      lastNameBefore: surnameFor(p.birthSurname, sex),
      lastNameAfter: surnameFor(sex === 'F' ? m.wifeSurnameAfter : p.birthSurname, sex),
      firstName: p.firstName,
      patronymic: p.patronymic,
      dateOfBirth: formatDay(p.dob),
    });
    return {
      id: m.id,
      actNumber: this.actNumber(1, m.settlement, m.day),
      actDate: formatDay(m.day),
      registryOffice: office,
      husband: entry(m.husband, 'M'),
      wife: entry(m.wife, 'F'),
      status: m.status,
      endedOn: m.endedOn === null ? null : formatDay(m.endedOn),
      certificate: this.certificate(m.settlement, m.day),
    };
  }
}

interface DocContext {
  p: Draft;
  names: { lastName: string; firstName: string; patronymic: string };
  latin: { lastName: string; firstName: string };
  dob: IsoDate;
  unzr: string;
  rnokpp: string;
  placeText: string;
  photoId: string;
  hh: HouseholdDraft;
  /** Age today, or at death. */
  age: number;
  /** Today, or the day of death. */
  end: number;
}
