import { implement, ServiceError } from '@deed/exchange';
import type { FamilyLinkRecord, PersonRecord, ResidenceRecord } from '@deed/population';
import { population, type PersonView, type Relative } from '../catalogue.js';
import type { RegisterDefinition } from '../register.js';
import type { RecordStore } from '../record-store.js';

interface StoredLink {
  relation: FamilyLinkRecord['relation'];
  related: string;
}

async function personRecord(store: RecordStore, unzr: string): Promise<PersonRecord> {
  const found = await store.byRef<PersonRecord>('person', unzr);
  if (!found)
    throw new ServiceError('not-found', { status: 404, title: 'No such person', detail: `The Population register has no person ${unzr}.` });
  return found.data;
}

/** Population: identity, registered address and family of every person. */
export const populationRegister: RegisterDefinition = {
  id: 'population',
  name: { en: 'Population register', uk: 'Реєстр населення' },
  offers: Object.values(population),
  services: (store) => [
    implement(population.personRead, async (_input, { citizen }) => {
      const person = await personRecord(store, citizen!);
      const about = await store.about<ResidenceRecord | StoredLink>(citizen!, ['residence', 'family-link']);
      const residence = about.find((r) => r.kind === 'residence' && r.status === 'current')?.data as ResidenceRecord | undefined;
      const family: Relative[] = [];
      for (const link of about.filter((r) => r.kind === 'family-link').map((r) => r.data as StoredLink)) {
        const relative = await store.byRef<PersonRecord>('person', link.related);
        if (relative) {
          const { unzr, lastName, firstName, patronymic, dateOfBirth } = relative.data;
          family.push({ relation: link.relation, unzr, lastName, firstName, patronymic, dateOfBirth });
        }
      }
      const view: PersonView = {
        unzr: person.unzr,
        rnokpp: person.rnokpp,
        lastName: person.lastName,
        firstName: person.firstName,
        patronymic: person.patronymic,
        latin: person.latin,
        sex: person.sex,
        dateOfBirth: person.dateOfBirth,
        placeOfBirth: person.placeOfBirth,
        citizenship: person.citizenship,
        status: person.status,
        dateOfDeath: person.dateOfDeath,
        address: residence?.address ?? null,
        addressRegisteredOn: residence?.registeredOn ?? null,
        family,
      };
      return view;
    }),
    implement(population.personSample, async ({ limit, offset }) => {
      const people = await store.page<PersonRecord>('person', limit, offset);
      return {
        total: await store.count('person'),
        people: people.map(({ data: p }) => ({
          unzr: p.unzr,
          lastName: p.lastName,
          firstName: p.firstName,
          patronymic: p.patronymic,
          dateOfBirth: p.dateOfBirth,
          sex: p.sex,
        })),
      };
    }),
    implement(population.addressChange, async ({ address }, { citizen, requestId }) => {
      const person = await personRecord(store, citizen!);
      if (person.status !== 'alive')
        throw new ServiceError('deceased', {
          status: 409,
          title: 'Person is deceased',
          detail: 'An address cannot be registered for a deceased person.',
        });
      const registeredOn = new Date().toISOString().slice(0, 10);
      for (const old of await store.about<ResidenceRecord>(citizen!, ['residence'])) {
        if (old.status === 'current') await store.update(old.id, 'ended', { ...old.data, deregisteredOn: registeredOn });
      }
      const id = `residence-${requestId}`;
      const residence: ResidenceRecord = {
        id,
        personId: person.id,
        address: { id: `address-${requestId}`, ...address },
        registeredOn,
        deregisteredOn: null,
      };
      await store.insert([
        { id, kind: 'residence', ref: null, status: 'current', data: residence, parties: [{ citizen: citizen!, role: 'resident' }] },
      ]);
      return { registeredOn };
    }),
  ],
  recordsOf(household, unzrOf) {
    const { persons, residences, familyLinks } = household.records.population;
    return [
      ...persons.map((p) => ({
        id: p.id,
        kind: 'person',
        ref: p.unzr,
        status: p.status,
        data: p,
        parties: [{ citizen: p.unzr, role: 'subject' }],
      })),
      ...residences.map((r) => ({
        id: r.id,
        kind: 'residence',
        ref: null,
        status: r.deregisteredOn ? 'ended' : 'current',
        data: r,
        parties: [{ citizen: unzrOf(r.personId), role: 'resident' }],
      })),
      ...familyLinks.map((l) => ({
        id: l.id,
        kind: 'family-link',
        ref: null,
        status: 'current',
        data: { relation: l.relation, related: unzrOf(l.relatedPersonId) } satisfies StoredLink,
        parties: [{ citizen: unzrOf(l.personId), role: 'subject' }],
      })),
    ];
  },
};
