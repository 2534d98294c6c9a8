import { civilStatusRegister } from './definitions/civil-status.js';
import { driversRegister } from './definitions/drivers.js';
import { educationRegister } from './definitions/education.js';
import { identityDocumentsRegister } from './definitions/identity-documents.js';
import { populationRegister } from './definitions/population.js';
import { taxRegister } from './definitions/tax.js';
import { vehiclesRegister } from './definitions/vehicles.js';
import type { RegisterDefinition } from './register.js';

/** The national registers, each a separate member of the exchange. */
export const registers: readonly RegisterDefinition[] = [
  populationRegister,
  identityDocumentsRegister,
  driversRegister,
  vehiclesRegister,
  taxRegister,
  civilStatusRegister,
  educationRegister,
];

export function registerById(id: string): RegisterDefinition | undefined {
  return registers.find((r) => r.id === id);
}
