import { implement } from '@deed/exchange';
import type { BirthRecord, DeathRecord, MarriageRecord } from '@deed/population';
import { civilStatus } from '../catalogue.js';
import type { RegisterDefinition } from '../register.js';
import type { StoredRecord } from '../record-store.js';

/** Civil status: acts of birth, marriage and death, each about everyone named in it. */
export const civilStatusRegister: RegisterDefinition = {
  id: 'civil-status',
  name: { en: 'Civil status register', uk: 'Державний реєстр актів цивільного стану' },
  offers: Object.values(civilStatus),
  services: (store) => [
    implement(civilStatus.recordsRead, async (_input, { citizen }) => {
      const found = await store.about<BirthRecord | MarriageRecord | DeathRecord>(citizen!, ['birth', 'marriage', 'death']);
      const of = <T>(kind: string) => found.filter((r) => r.kind === kind).map((r) => r.data as T);
      return { births: of<BirthRecord>('birth'), marriages: of<MarriageRecord>('marriage'), deaths: of<DeathRecord>('death') };
    }),
  ],
  recordsOf(household, unzrOf) {
    const { births, marriages, deaths } = household.records.civilStatus;
    const party = (personId: string | null | undefined, role: string) => (personId ? [{ citizen: unzrOf(personId), role }] : []);
    const act = (id: string, kind: string, actNumber: number, data: unknown, parties: StoredRecord['parties']): StoredRecord => ({
      id,
      kind,
      ref: `${kind}-${actNumber}-${id}`,
      status: 'registered',
      data,
      parties,
    });
    return [
      ...births.map((b) =>
        act(b.id, 'birth', b.actNumber, b, [
          ...party(b.childId, 'child'),
          ...party(b.mother.personId, 'mother'),
          ...party(b.father?.personId, 'father'),
        ]),
      ),
      ...marriages.map((m) =>
        act(m.id, 'marriage', m.actNumber, m, [...party(m.husband.personId, 'husband'), ...party(m.wife.personId, 'wife')]),
      ),
      ...deaths.map((d) => act(d.id, 'death', d.actNumber, d, party(d.personId, 'deceased'))),
    ];
  },
};
