import { beforeAll, describe, expect, it } from 'vitest';
import {
  addYears,
  ageOn,
  formatAddress,
  generatePopulation,
  isValidDriverLicenceNumber,
  isValidIdCardNumber,
  isValidPassportNumber,
  isValidPlate,
  isValidRegistrationCertificateNumber,
  isValidRnokpp,
  isValidStudentCardNumber,
  isValidUnzr,
  isValidVin,
  parseIsoDate,
  parseRnokpp,
  parseUnzr,
  patronymic,
  portraitSvg,
  transliterate,
  type Household,
  type IsoDate,
  type PersonRecord,
} from './index.js';

const TODAY = '2025-11-26';
const today = parseIsoDate(TODAY) as number;
const day = (d: IsoDate): number => {
  const n = parseIsoDate(d);
  if (n === null) throw new Error(`bad date ${d}`);
  return n;
};

function collect(seed: string | number, citizens: number, todayText = TODAY): Household[] {
  return [...generatePopulation({ seed, citizens, today: todayText })];
}

function personsOf(households: Household[]): PersonRecord[] {
  return households.flatMap((h) => h.records.population.persons);
}

/** Minimal XML well-formedness: balanced tags, quoted attributes, no stray markup characters. */
function wellFormed(xml: string): boolean {
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>&]*")*)\s*(\/?)>/g;
  const stack: string[] = [];
  let last = 0;
  for (const m of xml.matchAll(tag)) {
    if (/[<>&]/.test(xml.slice(last, m.index))) return false;
    last = m.index + m[0].length;
    const [, closing, name = '', , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else if (!selfClosing) stack.push(name);
  }
  return stack.length === 0 && last === xml.length && xml.startsWith('<svg xmlns="http://www.w3.org/2000/svg"');
}

describe('population size', () => {
  it.each([0, 1, 2, 3, 4, 5, 7, 10, 99, 1000])('generates exactly %i persons', (n) => {
    const gen = generatePopulation({ seed: 'size', citizens: n, today: TODAY });
    let persons = 0;
    let r = gen.next();
    while (!r.done) {
      persons += r.value.records.population.persons.length;
      expect(r.value.personIds.length).toBe(r.value.records.population.persons.length);
      r = gen.next();
    }
    expect(persons).toBe(n);
    expect(r.value.persons).toBe(n);
    expect(r.value.living + r.value.deceased).toBe(n);
  });

  it('rejects bad options', () => {
    expect(() => generatePopulation({ seed: 1, citizens: -1, today: TODAY }).next()).toThrow(RangeError);
    expect(() => generatePopulation({ seed: 1, citizens: 1.5, today: TODAY }).next()).toThrow(RangeError);
    expect(() => generatePopulation({ seed: 1, citizens: 1, today: '2025-02-30' }).next()).toThrow(RangeError);
  });
});

describe('determinism', () => {
  const first200 = (seed: string | number): string => {
    const out: Household[] = [];
    let persons = 0;
    for (const h of generatePopulation({ seed, citizens: 1000, today: TODAY })) {
      out.push(h);
      persons += h.personIds.length;
      if (persons >= 200) break;
    }
    return JSON.stringify(out);
  };

  it('the same seed gives byte-identical output; another seed differs', () => {
    const a = first200('alpha');
    expect(first200('alpha')).toBe(a);
    expect(first200('beta')).not.toBe(a);
    expect(first200(42)).toBe(first200(42));
    expect(first200(42)).not.toBe(first200('42'));
  });

  it('a larger population starts with the same households', () => {
    const small = collect('prefix', 1500).slice(0, 60);
    const large = collect('prefix', 2500).slice(0, 60);
    expect(JSON.stringify(large)).toBe(JSON.stringify(small));
  });
});

describe('a population of 20,000', () => {
  const N = 20_000;
  let households: Household[];
  let persons: PersonRecord[];
  let byId: Map<string, PersonRecord>;
  let householdOf: Map<string, Household>;

  beforeAll(() => {
    households = collect('deed-test', N);
    persons = personsOf(households);
    byId = new Map(persons.map((p) => [p.id, p]));
    householdOf = new Map(households.flatMap((h) => h.personIds.map((id) => [id, h] as const)));
  });

  const all = <T>(pick: (h: Household) => T[]): T[] => households.flatMap(pick);
  const person = (id: string): PersonRecord => {
    const p = byId.get(id);
    if (!p) throw new Error(`no person ${id}`);
    return p;
  };

  /** Plain checks gathered into one assertion: thousands of expect() calls would make this file slow. */
  function checker(): { check: (ok: boolean, what: string | (() => string)) => void; failures: string[] } {
    const failures: string[] = [];
    return {
      failures,
      check(ok, what) {
        if (!ok && failures.length < 20) failures.push(typeof what === 'function' ? what() : what);
      },
    };
  }

  it('has exactly N persons, each in one household', () => {
    expect(persons.length).toBe(N);
    expect(byId.size).toBe(N);
    const { check, failures } = checker();
    for (const h of households) for (const p of h.records.population.persons) check(p.householdId === h.id, p.id);
    expect(failures).toEqual([]);
  });

  it('every identifier is unique', () => {
    const duplicates: string[] = [];
    const unique = (label: string, values: string[]): void => {
      const seen = new Set<string>();
      for (const v of values) {
        if (seen.has(v)) duplicates.push(`${label}: ${v}`);
        seen.add(v);
      }
      if (values.length === 0) duplicates.push(`${label}: none generated`);
    };
    unique(
      'UNZR',
      persons.map((p) => p.unzr),
    );
    unique(
      'RNOKPP',
      persons.map((p) => p.rnokpp),
    );
    unique(
      'ID card',
      all((h) => h.records.identityDocuments.idCards.map((d) => d.number)),
    );
    unique(
      'passport',
      all((h) => h.records.identityDocuments.passports.map((d) => d.number)),
    );
    unique(
      'licence',
      all((h) => h.records.drivers.licences.map((d) => d.number)),
    );
    unique(
      'plate',
      all((h) => h.records.vehicles.vehicles.map((v) => v.plate)),
    );
    unique(
      'VIN',
      all((h) => h.records.vehicles.vehicles.map((v) => v.vin)),
    );
    unique(
      'registration certificate',
      all((h) => h.records.vehicles.vehicles.map((v) => v.registrationCertificate)),
    );
    unique(
      'student card',
      all((h) => h.records.education.studentCards.map((c) => c.number)),
    );
    unique(
      'diploma',
      all((h) => h.records.education.diplomas.map((d) => `${d.series} ${d.number}`)),
    );
    unique(
      'sole proprietor',
      all((h) => h.records.tax.soleProprietors.map((s) => s.registrationNumber)),
    );
    const cs = (h: Household) => h.records.civilStatus;
    unique(
      'certificate',
      all((h) => [...cs(h).births, ...cs(h).marriages, ...cs(h).deaths].map((r) => `${r.certificate.series} ${r.certificate.number}`)),
    );
    unique(
      'act record',
      all((h) => [
        ...cs(h).births.map((r) => `birth ${r.registryOffice.code} ${r.actDate.slice(0, 4)} ${r.actNumber}`),
        ...cs(h).marriages.map((r) => `marriage ${r.registryOffice.code} ${r.actDate.slice(0, 4)} ${r.actNumber}`),
        ...cs(h).deaths.map((r) => `death ${r.registryOffice.code} ${r.actDate.slice(0, 4)} ${r.actNumber}`),
      ]),
    );
    unique(
      'household',
      households.map((h) => h.id),
    );
    unique(
      'address',
      households.map((h) => h.address.id),
    );
    unique(
      'record id',
      all((h) =>
        Object.values(h.records)
          .flatMap((register) => Object.values(register).flat() as { id: string }[])
          .map((r) => r.id),
      ),
    );
    expect(duplicates).toEqual([]);
  });

  it('identifiers pass their check rules and encode the person', () => {
    const { check, failures } = checker();
    for (const p of persons) {
      check(isValidUnzr(p.unzr) && parseUnzr(p.unzr)?.dateOfBirth === p.dateOfBirth, `UNZR ${p.unzr} ${p.dateOfBirth}`);
      const r = parseRnokpp(p.rnokpp);
      check(isValidRnokpp(p.rnokpp) && r?.dateOfBirth === p.dateOfBirth && r.sex === p.sex, `RNOKPP ${p.rnokpp} ${p.dateOfBirth} ${p.sex}`);
    }
    for (const d of all((h) => h.records.identityDocuments.idCards))
      check(isValidIdCardNumber(d.number) && d.unzr === person(d.personId).unzr, d.number);
    for (const d of all((h) => h.records.identityDocuments.passports)) check(isValidPassportNumber(d.number), d.number);
    for (const d of all((h) => h.records.drivers.licences)) check(isValidDriverLicenceNumber(d.number), d.number);
    for (const v of all((h) => h.records.vehicles.vehicles)) {
      check(isValidVin(v.vin), v.vin);
      check(isValidPlate(v.plate), v.plate);
      check(isValidRegistrationCertificateNumber(v.registrationCertificate), v.registrationCertificate);
    }
    for (const c of all((h) => h.records.education.studentCards)) check(isValidStudentCardNumber(c.number), c.number);
    for (const t of all((h) => h.records.tax.taxpayers)) check(t.rnokpp === person(t.personId).rnokpp, t.id);
    expect(failures).toEqual([]);
  });

  it('names: Latin forms by the 2010 table, patronymics from the father, gendered surnames', () => {
    const { check, failures } = checker();
    for (const p of persons) {
      check(p.latin.lastName === transliterate(p.lastName) && p.latin.firstName === transliterate(p.firstName), p.id);
      check((p.sex === 'M' ? /[иі]ч$/ : /[іï]вна$|ївна$/).test(p.patronymic), `${p.id} ${p.patronymic}`);
      check(p.sex === 'M' || !/(ський|цький|зький|ов|ев|ін)$/.test(p.lastName), `${p.id} ${p.lastName}`);
    }
    expect(failures).toEqual([]);
  });

  it('births: one record per person, parents consistent with the Population links', () => {
    const { check, failures } = checker();
    const births = all((h) => h.records.civilStatus.births);
    expect(births.length).toBe(N);
    expect(new Set(births.map((b) => b.childId)).size).toBe(N);
    const links = new Set(
      all((h) => h.records.population.familyLinks).map((l) => `${l.personId}|${l.relatedPersonId}|${l.relation}|${l.basisRecordId}`),
    );
    const marriagesOf = new Map<string, { husband: string; actDate: string }[]>();
    for (const m of all((h) => h.records.civilStatus.marriages)) {
      if (m.wife.personId)
        marriagesOf.set(m.wife.personId, [
          ...(marriagesOf.get(m.wife.personId) ?? []),
          { husband: m.husband.firstName, actDate: m.actDate },
        ]);
    }
    let inPopulation = 0;
    for (const b of births) {
      if (b.fatherBasis === 'marriage' && b.mother.personId) {
        // "Father by marriage": the mother's marriage to him is on record and precedes the birth.
        const ms = marriagesOf.get(b.mother.personId) ?? [];
        check(
          ms.some((m) => m.husband === b.father?.firstName && m.actDate <= b.dateOfBirth),
          `${b.id} marriage of the parents`,
        );
      }
      const child = person(b.childId);
      check(b.dateOfBirth === child.dateOfBirth && b.lastName === child.birthLastName, `${b.id} child`);
      check(b.firstName === child.firstName && b.patronymic === child.patronymic && b.sex === child.sex, `${b.id} names`);
      if (b.father) check(child.patronymic === patronymic(b.father.firstName, child.sex), `${b.id} patronymic`);
      check((b.father === null) === (b.fatherBasis === null), `${b.id} father basis`);
      for (const [entry, relation] of [
        [b.mother, 'mother'],
        [b.father, 'father'],
      ] as const) {
        if (!entry?.personId) continue;
        inPopulation++;
        const parent = person(entry.personId);
        check(parent.sex === (relation === 'mother' ? 'F' : 'M'), `${b.id} ${relation} sex`);
        check(
          entry.firstName === parent.firstName && entry.patronymic === parent.patronymic && entry.dateOfBirth === parent.dateOfBirth,
          `${b.id} ${relation} entry`,
        );
        // At least 16 years older than the child.
        check(addYears(day(parent.dateOfBirth), 16) <= day(child.dateOfBirth), `${b.id} ${relation} age`);
        check(links.has(`${child.id}|${parent.id}|${relation}|${b.id}`), `${b.id} link to ${relation}`);
        check(links.has(`${parent.id}|${child.id}|${child.sex === 'M' ? 'son' : 'daughter'}|${b.id}`), `${b.id} link from ${relation}`);
        // A parent in another household belongs to the same family.
        check(householdOf.get(parent.id)?.familyId === householdOf.get(child.id)?.familyId, `${b.id} family`);
        if (relation === 'father') {
          // Children bear the father's surname (the feminine form for a daughter).
          check(
            child.sex === 'M' ? b.lastName === parent.lastName : b.lastName.slice(0, 3) === parent.lastName.slice(0, 3),
            `${b.id} surname`,
          );
          if (parent.dateOfDeath) check(day(parent.dateOfDeath) >= day(child.dateOfBirth) - 300, `${b.id} posthumous`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(inPopulation).toBeGreaterThan(N / 4);
  });

  it('every family link has its mirror and rests on an existing record', () => {
    const { check, failures } = checker();
    const links = all((h) => h.records.population.familyLinks);
    const births = new Set(all((h) => h.records.civilStatus.births).map((b) => b.id));
    const marriages = new Map(all((h) => h.records.civilStatus.marriages).map((m) => [m.id, m]));
    const index = new Set(links.map((l) => `${l.personId}|${l.relatedPersonId}|${l.basisRecordId}`));
    for (const l of links) {
      check(byId.has(l.personId) && byId.has(l.relatedPersonId), `${l.id} persons`);
      check(index.has(`${l.relatedPersonId}|${l.personId}|${l.basisRecordId}`), `${l.id} mirror`);
      check(person(l.relatedPersonId).sex === (['mother', 'daughter', 'wife'].includes(l.relation) ? 'F' : 'M'), `${l.id} sex`);
      if (l.relation === 'husband' || l.relation === 'wife') {
        const m = marriages.get(l.basisRecordId);
        const ids = [m?.husband.personId, m?.wife.personId];
        check(m !== undefined && ids.includes(l.personId) && ids.includes(l.relatedPersonId), `${l.id} marriage`);
      } else check(births.has(l.basisRecordId), `${l.id} birth`);
    }
    expect(failures).toEqual([]);
  });

  it('married people have a marriage record; spouses in the population are linked', () => {
    const { check, failures } = checker();
    const marriages = all((h) => h.records.civilStatus.marriages);
    const registered = new Set<string>();
    for (const m of marriages) {
      check(day(m.actDate) <= today, `${m.id} date`);
      check((m.status === 'registered') === (m.endedOn === null), `${m.id} status`);
      if (m.endedOn) check(day(m.endedOn) > day(m.actDate), `${m.id} ended`);
      for (const s of [m.husband, m.wife]) {
        if (!s.personId) continue;
        check(addYears(day(person(s.personId).dateOfBirth), 18) <= day(m.actDate), `${m.id} adult`);
        if (m.status === 'registered') registered.add(s.personId);
      }
      if (m.status === 'registered' && m.wife.personId) check(person(m.wife.personId).lastName === m.wife.lastNameAfter, `${m.id} surname`);
      if (m.status === 'terminated') {
        const dead = [m.husband.personId, m.wife.personId]
          .map((id) => (id ? byId.get(id) : undefined))
          .find((p) => p?.status === 'deceased');
        check(dead?.dateOfDeath === m.endedOn, `${m.id} death`);
      }
    }
    for (const p of persons) {
      if (p.maritalStatus === 'married' && p.status === 'alive') check(registered.has(p.id), `${p.id} married without a record`);
      if (registered.has(p.id)) check(p.maritalStatus === 'married', `${p.id} status`);
    }
    expect(failures).toEqual([]);
    expect(marriages.filter((m) => m.status === 'dissolved').length).toBeGreaterThan(0);
    expect(marriages.filter((m) => m.status === 'terminated').length).toBeGreaterThan(0);
  });

  it('ages are 0-95, the deceased have death records, and the age structure is plausible', () => {
    const { check, failures } = checker();
    const deaths = new Map(all((h) => h.records.civilStatus.deaths).map((d) => [d.personId, d]));
    let young = 0;
    let old = 0;
    for (const p of persons) {
      const dob = day(p.dateOfBirth);
      if (p.status === 'alive') {
        const age = ageOn(dob, today);
        check(age >= 0 && age <= 95, `${p.id} age ${age}`);
        check(!deaths.has(p.id), `${p.id} death record`);
        if (age < 6) young++;
        if (age >= 65) old++;
      } else {
        check(deaths.get(p.id)?.dateOfDeath === p.dateOfDeath, `${p.id} death record`);
        const died = day(p.dateOfDeath as string);
        check(died <= today && died > dob && ageOn(dob, died) <= 95, `${p.id} death date`);
      }
    }
    expect(failures).toEqual([]);
    const deceased = persons.filter((p) => p.status === 'deceased').length;
    expect(deceased / N).toBeGreaterThan(0.01);
    expect(deceased / N).toBeLessThan(0.08);
    expect(young / N).toBeGreaterThan(0.03);
    expect(old / N).toBeGreaterThan(0.1);
  });

  it('documents: validity and status agree with dates; names agree with the person', () => {
    const { check, failures } = checker();
    const docs = [
      ...all((h) => h.records.identityDocuments.idCards),
      ...all((h) => h.records.identityDocuments.passports),
      ...all((h) => h.records.drivers.licences),
      ...all((h) => h.records.education.studentCards),
    ];
    const statuses = new Map<string, number>();
    for (const d of docs) {
      const p = person(d.personId);
      check(d.lastName === p.lastName && d.firstName === p.firstName && d.patronymic === p.patronymic, `${d.id} names`);
      check(d.latin.lastName === p.latin.lastName && d.latin.firstName === p.latin.firstName, `${d.id} latin`);
      const issued = day(d.issuedOn);
      const expires = day(d.expiresOn);
      check(issued >= day(p.dateOfBirth) && issued <= today && expires > issued, `${d.id} dates`);
      statuses.set(d.status, (statuses.get(d.status) ?? 0) + 1);
      if (d.status === 'expired') check(expires < today, `${d.id} expired`);
      if (d.status === 'valid') check(expires >= today, `${d.id} valid`);
      if (d.status === 'lost' || d.status === 'revoked')
        check(d.statusChangedOn !== null && day(d.statusChangedOn) <= today, `${d.id} changed`);
      else check(d.statusChangedOn === null, `${d.id} changed`);
      check((d.status === 'revoked') === (p.status === 'deceased'), `${d.id} revoked`);
    }
    expect(failures).toEqual([]);
    for (const s of ['valid', 'expired', 'lost', 'revoked']) expect(statuses.get(s) ?? 0, s).toBeGreaterThan(0);
    for (const c of all((h) => h.records.identityDocuments.idCards)) check(c.issuedOn >= '2016-01-11', `${c.id} before ID cards`);
    for (const c of all((h) => h.records.identityDocuments.passports))
      check(c.issuedOn >= '2015-01-12', `${c.id} before biometric passports`);
    for (const l of all((h) => h.records.drivers.licences)) {
      check(addYears(day(person(l.personId).dateOfBirth), 18) <= day(l.firstIssuedOn), `${l.id} age`);
      check(l.categories.some((c) => c.category === 'B') && l.categories.every((c) => c.since <= l.issuedOn), `${l.id} categories`);
    }
    expect(failures).toEqual([]);
    for (const kind of ['idCards', 'passports'] as const) {
      const documents: { status: string }[] = all((h): { status: string }[] => h.records.identityDocuments[kind]);
      expect(documents.filter((d) => d.status === 'expired').length, kind).toBeGreaterThan(0);
    }
    expect(all((h) => h.records.drivers.licences).filter((d) => d.status === 'expired').length).toBeGreaterThan(0);
  });

  it('holds what the services need: young children, cars, licences, students, sole proprietors', () => {
    const { check, failures } = checker();
    const vehicles = all((h) => h.records.vehicles.vehicles);
    expect(vehicles.length).toBeGreaterThan(N * 0.1);
    for (const v of vehicles) {
      const owner = person(v.ownerId);
      check(owner.status === 'alive' && addYears(day(owner.dateOfBirth), 18) <= day(v.registeredOn) && v.year <= 2025, v.id);
    }
    expect(all((h) => h.records.drivers.licences).length).toBeGreaterThan(N * 0.2);
    expect(all((h) => h.records.education.studentCards).filter((c) => c.status === 'valid').length).toBeGreaterThan(N * 0.03);
    expect(all((h) => h.records.education.diplomas).length).toBeGreaterThan(N * 0.2);
    expect(all((h) => h.records.tax.soleProprietors).filter((s) => s.status === 'active').length).toBeGreaterThan(N * 0.03);
    expect(all((h) => h.records.tax.taxpayers).length).toBe(N);
    const youngWithParents = all((h) => h.records.civilStatus.births).filter(
      (b) => ageOn(day(b.dateOfBirth), today) < 6 && b.mother.personId !== null && byId.get(b.mother.personId)?.status === 'alive',
    );
    expect(youngWithParents.length).toBeGreaterThan(N * 0.03);
    const kinds = new Set(households.map((h) => h.kind));
    for (const k of ['couple-with-children', 'couple', 'single-parent', 'single', 'three-generations', 'students', 'parents'] as const)
      expect(kinds.has(k), k).toBe(true);
    const flat = households.find((h) => h.address.apartment !== null && h.address.regionCode === '80');
    expect(flat && formatAddress(flat.address)).toMatch(/^(вул|просп|бульв|пров)\. .+, буд\. \d+А?, кв\. \d+, м\. Київ, 0[1-4]\d{3}$/);
    // Everyone is registered at the household address; the deceased were deregistered on their death.
    for (const h of households) {
      for (const r of h.records.population.residences) {
        const p = person(r.personId);
        check(r.address === h.address && r.deregisteredOn === p.dateOfDeath && day(r.registeredOn) >= day(p.dateOfBirth), r.id);
      }
    }
    expect(failures).toEqual([]);
  });

  it('portraits: one per person, well-formed SVG under 1.5 KB, deterministic', () => {
    const { check, failures } = checker();
    const portraits = all((h) => h.records.identityDocuments.portraits);
    expect(portraits.length).toBe(N);
    const photoIds = new Set(portraits.map((p) => p.id));
    let max = 0;
    for (const p of portraits) {
      check(wellFormed(p.svg), p.id);
      max = Math.max(max, new TextEncoder().encode(p.svg).length);
    }
    expect(max).toBeLessThan(1500);
    expect(new Set(portraits.map((p) => p.svg)).size).toBeGreaterThan(N * 0.95);
    for (const d of all((h) => [...h.records.identityDocuments.idCards, ...h.records.drivers.licences]))
      check(photoIds.has(d.photoId), d.id);
    expect(failures).toEqual([]);
    const traits = { sex: 'F', ageGroup: 'adult' } as const;
    expect(portraitSvg(7, traits)).toBe(portraitSvg(7, traits));
    expect(portraitSvg(7, traits)).not.toBe(portraitSvg(8, traits));
  });
});
