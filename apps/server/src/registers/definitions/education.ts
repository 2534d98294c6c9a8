import { implement } from '@deed/exchange';
import type { DiplomaRecord, StudentCardRecord } from '@deed/population';
import { education } from '../catalogue.js';
import type { RegisterDefinition } from '../register.js';

/** Education: student cards and diplomas. */
export const educationRegister: RegisterDefinition = {
  id: 'education',
  name: { en: 'Education register', uk: 'Реєстр документів про освіту' },
  offers: Object.values(education),
  services: (store) => [
    implement(education.educationRead, async (_input, { citizen }) => {
      const found = await store.about<StudentCardRecord | DiplomaRecord>(citizen!, ['student-card', 'diploma']);
      return {
        studentCards: found.filter((r) => r.kind === 'student-card').map((r) => r.data as StudentCardRecord),
        diplomas: found.filter((r) => r.kind === 'diploma').map((r) => r.data as DiplomaRecord),
      };
    }),
  ],
  recordsOf(household, unzrOf) {
    const { studentCards, diplomas } = household.records.education;
    return [
      ...studentCards.map((s) => ({
        id: s.id,
        kind: 'student-card',
        ref: s.number,
        status: s.status,
        data: s,
        parties: [{ citizen: unzrOf(s.personId), role: 'student' }],
      })),
      ...diplomas.map((d) => ({
        id: d.id,
        kind: 'diploma',
        ref: `${d.series}${d.number}`,
        status: 'issued',
        data: d,
        parties: [{ citizen: unzrOf(d.personId), role: 'graduate' }],
      })),
    ];
  },
};
