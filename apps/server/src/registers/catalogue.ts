import { defineService } from '@deed/exchange';
import type {
  Address,
  BirthRecord,
  DeathRecord,
  DiplomaRecord,
  DriverLicenceRecord,
  FamilyRelation,
  IdCardRecord,
  LatinName,
  MarriageRecord,
  PassportRecord,
  Place,
  SoleProprietorRecord,
  StudentCardRecord,
  TaxpayerRecord,
  VehicleRecord,
} from '@deed/population';
import { z } from 'zod';

const SETTLEMENT_TYPES = ['місто', 'селище', 'село'] as const satisfies readonly Address['settlementType'][];
const STREET_TYPES = ['вулиця', 'проспект', 'бульвар', 'провулок'] as const satisfies readonly Address['streetType'][];

/**
 * The services the registers offer on the exchange: names, input and output types. Providers
 * (registers) implement them; clients (platform modules) call them. A client outside this
 * code base reads docs/exchange.md and this file.
 */

/** Zod checks the untrusted JSON body; the client gets a signed 'invalid-input' answer otherwise. */
const parse =
  <T>(schema: z.ZodType<T>) =>
  (body: unknown): T => {
    const result = schema.safeParse(body);
    if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    return result.data;
  };

const empty = parse(z.object({}).strict());
type Empty = Record<string, never>;

export interface Relative {
  relation: FamilyRelation;
  unzr: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  dateOfBirth: string;
}

export interface PersonView {
  unzr: string;
  rnokpp: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  latin: LatinName;
  sex: 'M' | 'F';
  dateOfBirth: string;
  placeOfBirth: Place;
  citizenship: string;
  status: 'alive' | 'deceased';
  dateOfDeath: string | null;
  address: Address | null;
  addressRegisteredOn: string | null;
  family: Relative[];
}

export interface PersonSummary {
  unzr: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  dateOfBirth: string;
  sex: 'M' | 'F';
}

/** A new address as a client sends it; the register gives it its id. */
export const addressSchema = z
  .object({
    postcode: z.string().regex(/^\d{5}$/, 'must be 5 digits'),
    region: z.string().min(1).max(100),
    regionCode: z.string().regex(/^\d{2}$/, 'must be 2 digits'),
    settlementType: z.enum(SETTLEMENT_TYPES),
    settlement: z.string().min(1).max(100),
    streetType: z.enum(STREET_TYPES),
    street: z.string().min(1).max(100),
    building: z.string().min(1).max(20),
    apartment: z.string().min(1).max(20).nullable(),
  })
  .strict() satisfies z.ZodType<Omit<Address, 'id'>>;

export const population = {
  personRead: defineService<Empty, PersonView>('person.read', 'A person: identity, registered address and family links', {
    citizen: 'required',
    parseInput: empty,
  }),
  personSample: defineService<{ limit: number; offset: number }, { people: PersonSummary[]; total: number }>(
    'person.sample',
    'A page of living persons (demo and administration)',
    { citizen: 'none', parseInput: parse(z.object({ limit: z.number().int().min(1).max(100), offset: z.number().int().min(0) }).strict()) },
  ),
  addressChange: defineService<{ address: z.infer<typeof addressSchema> }, { registeredOn: string }>(
    'address.change',
    'Registers a new place of residence',
    { citizen: 'required', parseInput: parse(z.object({ address: addressSchema }).strict()) },
  ),
};

export const identityDocuments = {
  documentsRead: defineService<Empty, { idCards: IdCardRecord[]; passports: PassportRecord[]; portrait: string | null }>(
    'documents.read',
    'ID cards and passports for travelling abroad, with the portrait',
    { citizen: 'required', parseInput: empty },
  ),
  documentReportLost: defineService<{ number: string }, { number: string; status: 'lost' }>(
    'document.report-lost',
    'Marks an identity document lost',
    {
      citizen: 'required',
      parseInput: parse(z.object({ number: z.string().min(6).max(12) }).strict()),
    },
  ),
};

export const drivers = {
  licencesRead: defineService<Empty, { licences: DriverLicenceRecord[] }>('licences.read', 'Driving licences', {
    citizen: 'required',
    parseInput: empty,
  }),
};

export const vehicles = {
  vehiclesRead: defineService<Empty, { vehicles: VehicleRecord[] }>('vehicles.read', 'Vehicles registered to the citizen', {
    citizen: 'required',
    parseInput: empty,
  }),
};

export const tax = {
  taxpayerRead: defineService<Empty, { taxpayer: TaxpayerRecord | null; soleProprietors: SoleProprietorRecord[] }>(
    'taxpayer.read',
    'Taxpayer card and sole-proprietor registrations',
    { citizen: 'required', parseInput: empty },
  ),
};

export const civilStatus = {
  recordsRead: defineService<Empty, { births: BirthRecord[]; marriages: MarriageRecord[]; deaths: DeathRecord[] }>(
    'records.read',
    "Birth (own and children's), marriage and death records",
    { citizen: 'required', parseInput: empty },
  ),
};

export const education = {
  educationRead: defineService<Empty, { studentCards: StudentCardRecord[]; diplomas: DiplomaRecord[] }>(
    'education.read',
    'Student cards and diplomas',
    {
      citizen: 'required',
      parseInput: empty,
    },
  ),
};
