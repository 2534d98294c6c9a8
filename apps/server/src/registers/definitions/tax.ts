import { implement } from '@deed/exchange';
import type { SoleProprietorRecord, TaxpayerRecord } from '@deed/population';
import { tax } from '../catalogue.js';
import type { RegisterDefinition } from '../register.js';

/** Tax: the taxpayer card (РНОКПП) and sole-proprietor (ФОП) registrations. */
export const taxRegister: RegisterDefinition = {
  id: 'tax',
  name: { en: 'Tax register', uk: 'Державний реєстр платників податків' },
  offers: Object.values(tax),
  services: (store) => [
    implement(tax.taxpayerRead, async (_input, { citizen }) => {
      const found = await store.about<TaxpayerRecord | SoleProprietorRecord>(citizen!, ['taxpayer', 'sole-proprietor']);
      return {
        taxpayer: (found.find((r) => r.kind === 'taxpayer')?.data as TaxpayerRecord | undefined) ?? null,
        soleProprietors: found.filter((r) => r.kind === 'sole-proprietor').map((r) => r.data as SoleProprietorRecord),
      };
    }),
  ],
  recordsOf(household, unzrOf) {
    const { taxpayers, soleProprietors } = household.records.tax;
    return [
      ...taxpayers.map((t) => ({
        id: t.id,
        kind: 'taxpayer',
        ref: t.rnokpp,
        status: t.status,
        data: t,
        parties: [{ citizen: unzrOf(t.personId), role: 'taxpayer' }],
      })),
      ...soleProprietors.map((s) => ({
        id: s.id,
        kind: 'sole-proprietor',
        ref: s.registrationNumber,
        status: s.status,
        data: s,
        parties: [{ citizen: unzrOf(s.personId), role: 'proprietor' }],
      })),
    ];
  },
};
