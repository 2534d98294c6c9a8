import { implement } from '@deed/exchange';
import type { DriverLicenceRecord } from '@deed/population';
import { drivers } from '../catalogue.js';
import type { RegisterDefinition } from '../register.js';

/** Drivers: driving licences and their categories. */
export const driversRegister: RegisterDefinition = {
  id: 'drivers',
  name: { en: 'Drivers register', uk: 'Реєстр водіїв' },
  offers: Object.values(drivers),
  services: (store) => [
    implement(drivers.licencesRead, async (_input, { citizen }) => ({
      licences: (await store.about<DriverLicenceRecord>(citizen!, ['driver-licence'])).map((r) => r.data),
    })),
  ],
  recordsOf: (household, unzrOf) =>
    household.records.drivers.licences.map((l) => ({
      id: l.id,
      kind: 'driver-licence',
      ref: l.number,
      status: l.status,
      data: l,
      parties: [{ citizen: unzrOf(l.personId), role: 'holder' }],
    })),
};
