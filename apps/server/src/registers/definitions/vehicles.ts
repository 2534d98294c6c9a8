import { implement } from '@deed/exchange';
import type { VehicleRecord } from '@deed/population';
import { vehicles } from '../catalogue.js';
import type { RegisterDefinition } from '../register.js';

/** Vehicles: registrations and their owners. */
export const vehiclesRegister: RegisterDefinition = {
  id: 'vehicles',
  name: { en: 'Vehicles register', uk: 'Реєстр транспортних засобів' },
  offers: Object.values(vehicles),
  services: (store) => [
    implement(vehicles.vehiclesRead, async (_input, { citizen }) => ({
      vehicles: (await store.about<VehicleRecord>(citizen!, ['vehicle'])).filter((r) => r.status === 'registered').map((r) => r.data),
    })),
  ],
  recordsOf: (household, unzrOf) =>
    household.records.vehicles.vehicles.map((v) => ({
      id: v.id,
      kind: 'vehicle',
      ref: v.plate,
      status: v.status,
      data: v,
      parties: [{ citizen: unzrOf(v.ownerId), role: 'owner' }],
    })),
};
