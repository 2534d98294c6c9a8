/**
 * The records each register holds. Plain data: ISO dates (YYYY-MM-DD), strings, numbers,
 * nulls; JSON round-trips them unchanged. Every record has an `id` unique in the population.
 */
import type { IsoDate } from './dates.js';
import type { Sex } from './identifiers.js';
import type { SettlementType, StreetType } from './places.js';

export type { IsoDate } from './dates.js';
export type { Sex } from './identifiers.js';

export type DocumentStatus = 'valid' | 'expired' | 'lost' | 'revoked';
export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

/** A Latin rendering (Resolution No. 55 of 2010) as printed on documents. */
export interface LatinName {
  lastName: string;
  firstName: string;
}

export interface Place {
  settlement: string;
  settlementType: SettlementType;
  /** Region name, e.g. "Львівська область" or "м. Київ". */
  region: string;
  regionCode: string;
  country: 'UKR';
}

export interface Address {
  id: string;
  postcode: string;
  region: string;
  regionCode: string;
  settlementType: SettlementType;
  settlement: string;
  streetType: StreetType;
  street: string;
  building: string;
  apartment: string | null;
}

/** An authority that issues documents or registers acts, by code and name. */
export interface Authority {
  code: string;
  name: string;
}

// ---------------------------------------------------------------- Population register

export interface PersonRecord {
  id: string;
  householdId: string;
  /** Unified State Demographic Register record number, YYYYMMDD-NNNNC. */
  unzr: string;
  /** Taxpayer registration number (РНОКПП), 10 digits. */
  rnokpp: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  latin: LatinName;
  /** Surname at birth (differs from lastName after a change on marriage). */
  birthLastName: string;
  sex: Sex;
  dateOfBirth: IsoDate;
  placeOfBirth: Place;
  citizenship: 'UKR';
  maritalStatus: MaritalStatus;
  status: 'alive' | 'deceased';
  dateOfDeath: IsoDate | null;
}

/** Registration of the place of residence (задеклароване / зареєстроване місце проживання). */
export interface ResidenceRecord {
  id: string;
  personId: string;
  address: Address;
  registeredOn: IsoDate;
  /** Set when the registration ended (on death). */
  deregisteredOn: IsoDate | null;
}

/** `relatedPersonId` is the `relation` of `personId`: e.g. relation "mother" = related person is this person's mother. */
export type FamilyRelation = 'mother' | 'father' | 'son' | 'daughter' | 'husband' | 'wife';

export interface FamilyLinkRecord {
  id: string;
  personId: string;
  relatedPersonId: string;
  relation: FamilyRelation;
  /** The civil-status record the link rests on: a birth record (parents, children) or a marriage record (spouses). */
  basisRecordId: string;
}

// ---------------------------------------------------------------- Identity documents register

export interface PortraitRecord {
  id: string;
  personId: string;
  /** Generated SVG image (synthetic; never a real face). */
  svg: string;
}

interface IdentityDocumentBase {
  id: string;
  personId: string;
  number: string;
  unzr: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  latin: LatinName;
  sex: Sex;
  dateOfBirth: IsoDate;
  /** Place of birth as printed on the document, e.g. "м. Стрий, Львівська область". */
  placeOfBirth: string;
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  /** Issuing authority code, 4 digits. */
  authority: string;
  status: DocumentStatus;
  /** When the status became lost or revoked; null for valid and expired. */
  statusChangedOn: IsoDate | null;
  /** PortraitRecord.id of the photo. */
  photoId: string;
}

/** Passport of a citizen of Ukraine in the form of a card (ID card): 9-digit number. */
export interface IdCardRecord extends IdentityDocumentBase {
  kind: 'id-card';
  rnokpp: string;
}

/** Passport of a citizen of Ukraine for travelling abroad (biometric): 2 letters + 6 digits. */
export interface PassportRecord extends IdentityDocumentBase {
  kind: 'foreign-passport';
  type: 'P';
  countryCode: 'UKR';
}

// ---------------------------------------------------------------- Drivers register

export type LicenceCategory = 'A1' | 'A' | 'B1' | 'B' | 'C1' | 'C' | 'D1' | 'D' | 'BE' | 'C1E' | 'CE' | 'D1E' | 'DE' | 'T';

export interface DriverLicenceRecord {
  id: string;
  personId: string;
  number: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  latin: LatinName;
  dateOfBirth: IsoDate;
  placeOfBirth: string;
  categories: { category: LicenceCategory; since: IsoDate }[];
  /** Date the person was first licensed. */
  firstIssuedOn: IsoDate;
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  /** Service centre of the Ministry of Internal Affairs, e.g. "ТСЦ 8041". */
  authority: string;
  status: DocumentStatus;
  statusChangedOn: IsoDate | null;
  photoId: string;
}

// ---------------------------------------------------------------- Vehicles register

export interface VehicleRecord {
  id: string;
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: number;
  colour: string;
  fuel: string;
  /** cm³; 0 for electric. */
  engineCapacity: number;
  category: 'B';
  ownerId: string;
  registeredOn: IsoDate;
  /** Vehicle registration certificate (свідоцтво про реєстрацію ТЗ): 3 letters + 6 digits. */
  registrationCertificate: string;
  authority: string;
  status: 'registered' | 'deregistered';
}

// ---------------------------------------------------------------- Tax register

export interface TaxpayerRecord {
  id: string;
  personId: string;
  rnokpp: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  dateOfBirth: IsoDate;
  registeredOn: IsoDate;
  taxOffice: Authority;
  status: 'active' | 'closed';
}

/** Sole proprietor (фізична особа – підприємець, ФОП). */
export interface SoleProprietorRecord {
  id: string;
  personId: string;
  rnokpp: string;
  fullName: string;
  /** Record number in the Unified State Register of legal entities and sole proprietors (plausible 17-digit form). */
  registrationNumber: string;
  registeredOn: IsoDate;
  /** Simplified tax system group (1-3). */
  taxGroup: 1 | 2 | 3;
  activities: { code: string; name: string; primary: boolean }[];
  status: 'active' | 'terminated';
  terminatedOn: IsoDate | null;
  taxOffice: Authority;
}

// ---------------------------------------------------------------- Civil status register

export interface Certificate {
  /** E.g. "І-КВ". */
  series: string;
  number: string;
  issuedOn: IsoDate;
}

export interface ParentEntry {
  /** The parent's PersonRecord.id, or null when the parent is not in this population. */
  personId: string | null;
  lastName: string;
  firstName: string;
  patronymic: string;
  dateOfBirth: IsoDate | null;
  citizenship: 'UKR';
}

export interface BirthRecord {
  id: string;
  /** Act record number, unique within (registry office, year of actDate). */
  actNumber: number;
  actDate: IsoDate;
  registryOffice: Authority;
  childId: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  sex: Sex;
  dateOfBirth: IsoDate;
  placeOfBirth: Place;
  mother: ParentEntry;
  /** Null when no father is recorded. */
  father: ParentEntry | null;
  /**
   * Ground for the father's entry: the parents' marriage, their joint application, or the
   * mother's statement (Family Code art. 135; the father then bears the mother's surname).
   */
  fatherBasis: 'marriage' | 'joint-application' | 'mother-statement' | null;
  certificate: Certificate;
}

export interface SpouseEntry {
  personId: string | null;
  lastNameBefore: string;
  lastNameAfter: string;
  firstName: string;
  patronymic: string;
  dateOfBirth: IsoDate | null;
}

export interface MarriageRecord {
  id: string;
  actNumber: number;
  actDate: IsoDate;
  registryOffice: Authority;
  husband: SpouseEntry;
  wife: SpouseEntry;
  /** registered = current; dissolved = divorce; terminated = by a spouse's death. */
  status: 'registered' | 'dissolved' | 'terminated';
  endedOn: IsoDate | null;
  certificate: Certificate;
}

export interface DeathRecord {
  id: string;
  actNumber: number;
  actDate: IsoDate;
  registryOffice: Authority;
  personId: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  sex: Sex;
  dateOfBirth: IsoDate;
  dateOfDeath: IsoDate;
  placeOfDeath: Place;
  certificate: Certificate;
}

// ---------------------------------------------------------------- Education register

export interface Institution {
  code: string;
  name: string;
}

export interface StudentCardRecord {
  id: string;
  personId: string;
  /** 2 letters + 8 digits. */
  number: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  latin: LatinName;
  institution: Institution;
  specialty: { code: string; name: string };
  degree: 'bachelor' | 'master';
  studyForm: 'full-time' | 'part-time';
  /** Year of study, 1-4 (bachelor) or 1-2 (master). */
  course: number;
  enrolledOn: IsoDate;
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  status: DocumentStatus;
  statusChangedOn: IsoDate | null;
  photoId: string;
}

export interface DiplomaRecord {
  id: string;
  personId: string;
  /** E.g. "Б21" (level letter and year); plausible, not an official specification. */
  series: string;
  /** 6 digits, unique within the series. */
  number: string;
  level: 'junior-specialist' | 'bachelor' | 'specialist' | 'master';
  lastName: string;
  firstName: string;
  patronymic: string;
  latin: LatinName;
  institution: Institution;
  specialty: { code: string; name: string };
  qualification: string;
  enrolledOn: IsoDate;
  completedOn: IsoDate;
  issuedOn: IsoDate;
  withHonours: boolean;
}

// ---------------------------------------------------------------- Households

/** Every register's records about one household, grouped by register. */
export interface RegisterRecords {
  population: { persons: PersonRecord[]; residences: ResidenceRecord[]; familyLinks: FamilyLinkRecord[] };
  identityDocuments: { idCards: IdCardRecord[]; passports: PassportRecord[]; portraits: PortraitRecord[] };
  drivers: { licences: DriverLicenceRecord[] };
  vehicles: { vehicles: VehicleRecord[] };
  tax: { taxpayers: TaxpayerRecord[]; soleProprietors: SoleProprietorRecord[] };
  civilStatus: { births: BirthRecord[]; marriages: MarriageRecord[]; deaths: DeathRecord[] };
  education: { studentCards: StudentCardRecord[]; diplomas: DiplomaRecord[] };
}

export type HouseholdKind =
  | 'couple-with-children'
  | 'couple'
  | 'single-parent'
  | 'single'
  | 'three-generations'
  | 'students'
  /** Older parents (or a widowed parent) whose adult children live in other households of the family. */
  | 'parents';

/**
 * People who share an address, with every register's records about them. Family links may
 * point to people in another household of the same family (same familyId); those households
 * are yielded one after another, the older generation first.
 */
export interface Household {
  id: string;
  /** 0-based position in the stream. */
  index: number;
  familyId: string;
  kind: HouseholdKind;
  address: Address;
  /** PersonRecord ids of everyone registered here, the deceased included. */
  personIds: string[];
  records: RegisterRecords;
}
