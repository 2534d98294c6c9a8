/** Small helpers to show records to people. */
import { STREET_ABBREVIATIONS } from './places.js';
import type { Address } from './types.js';

/** "вул. Шевченка, буд. 12, кв. 34, м. Київ, 01001" (region added outside Kyiv). */
export function formatAddress(a: Address): string {
  const place = `${a.settlementType === 'місто' ? 'м.' : a.settlementType === 'село' ? 'с.' : 'смт'} ${a.settlement}`;
  const parts = [`${STREET_ABBREVIATIONS[a.streetType]} ${a.street}`, `буд. ${a.building}`];
  if (a.apartment !== null) parts.push(`кв. ${a.apartment}`);
  parts.push(place);
  if (a.regionCode !== '80') parts.push(a.region);
  parts.push(a.postcode);
  return parts.join(', ');
}

/** "Шевченко Тарас Григорович": surname, given name, patronymic. */
export function fullName(p: { lastName: string; firstName: string; patronymic: string }): string {
  return `${p.lastName} ${p.firstName} ${p.patronymic}`;
}
