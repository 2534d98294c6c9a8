import { implement, ServiceError } from '@deed/exchange';
import type { IdCardRecord, PassportRecord, PortraitRecord } from '@deed/population';
import { identityDocuments } from '../catalogue.js';
import type { RegisterDefinition } from '../register.js';

type IdentityDocument = IdCardRecord | PassportRecord;

/** Identity documents: ID cards, passports for travelling abroad, and the holder's portrait. */
export const identityDocumentsRegister: RegisterDefinition = {
  id: 'identity-documents',
  name: { en: 'Identity documents register', uk: 'Реєстр документів, що посвідчують особу' },
  offers: Object.values(identityDocuments),
  services: (store) => [
    implement(identityDocuments.documentsRead, async (_input, { citizen }) => {
      const found = await store.about<IdentityDocument | PortraitRecord>(citizen!, ['id-card', 'foreign-passport', 'portrait']);
      const documents = found.filter((r) => r.kind !== 'portrait').map((r) => r.data as IdentityDocument);
      return {
        idCards: documents.filter((d): d is IdCardRecord => d.kind === 'id-card'),
        passports: documents.filter((d): d is PassportRecord => d.kind === 'foreign-passport'),
        portrait: (found.find((r) => r.kind === 'portrait')?.data as PortraitRecord | undefined)?.svg ?? null,
      };
    }),
    implement(identityDocuments.documentReportLost, async ({ number }, { citizen }) => {
      const document =
        (await store.byRef<IdentityDocument>('id-card', number)) ?? (await store.byRef<IdentityDocument>('foreign-passport', number));
      if (!document || !(await store.isParty(document.id, citizen!))) {
        throw new ServiceError('not-found', {
          status: 404,
          title: 'No such document',
          detail: `The citizen holds no identity document ${number}.`,
        });
      }
      const today = new Date().toISOString().slice(0, 10);
      await store.update(document.id, 'lost', { ...document.data, status: 'lost', statusChangedOn: today });
      return { number, status: 'lost' as const };
    }),
  ],
  recordsOf(household) {
    const { idCards, passports, portraits } = household.records.identityDocuments;
    const unzrOfPortrait = new Map([...idCards, ...passports].map((d) => [d.photoId, d.unzr]));
    return [
      ...[...idCards, ...passports].map((d) => ({
        id: d.id,
        kind: d.kind,
        ref: d.number,
        status: d.status,
        data: d,
        parties: [{ citizen: d.unzr, role: 'holder' }],
      })),
      ...portraits
        .filter((p) => unzrOfPortrait.has(p.id))
        .map((p) => ({
          id: p.id,
          kind: 'portrait',
          ref: null,
          status: 'current',
          data: p,
          parties: [{ citizen: unzrOfPortrait.get(p.id)!, role: 'subject' }],
        })),
    ];
  },
};
