import type { IconName } from '../design/components/Icon';
import type { MessageKey } from '../i18n/messages';

export interface Section {
  id: IconName;
  path: string;
  title: MessageKey;
  text: MessageKey;
  /** A section is available only once it works end to end; until then it says so. */
  available: boolean;
}

const section = (id: IconName, available = false): Section => ({
  id,
  path: `/${id}`,
  title: `section.${id}.title` as MessageKey,
  text: `section.${id}.text` as MessageKey,
  available,
});

/** The platform's sections, in the order the home screen shows them. */
export const sections: readonly Section[] = [
  section('documents'),
  section('services'),
  section('signature'),
  section('sharing'),
  section('polls'),
  section('learn'),
  section('tv'),
  section('log', true),
];
