import type { Grant } from '@deed/exchange';
import { PLATFORM_MEMBER } from '../../exchange/members.js';

/** Why the platform asks (purpose codes on the exchange; the citizen's log shows them). */
export const PURPOSES = {
  /** The citizen looks at their own data in the app. */
  profile: 'citizen.profile',
  /** Demo mode: choosing a synthetic citizen and signing in as them. */
  demoSignIn: 'demo.sign-in',
  /** An operator's call from the command line or the admin view. */
  administration: 'administration',
} as const;

const reads = (provider: string, service: string): Grant => ({
  client: PLATFORM_MEMBER,
  provider,
  service,
  purposes: [PURPOSES.profile, PURPOSES.administration],
});

/** The rights a new installation starts with; an administrator changes them afterwards. */
export const defaultGrants: readonly Grant[] = [
  {
    client: PLATFORM_MEMBER,
    provider: 'population',
    service: 'person.read',
    purposes: [PURPOSES.profile, PURPOSES.demoSignIn, PURPOSES.administration],
  },
  { client: PLATFORM_MEMBER, provider: 'population', service: 'person.sample', purposes: [PURPOSES.demoSignIn, PURPOSES.administration] },
  { client: PLATFORM_MEMBER, provider: 'population', service: 'address.change', purposes: [PURPOSES.administration] },
  reads('identity-documents', 'documents.read'),
  { client: PLATFORM_MEMBER, provider: 'identity-documents', service: 'document.report-lost', purposes: [PURPOSES.administration] },
  reads('drivers', 'licences.read'),
  reads('vehicles', 'vehicles.read'),
  reads('tax', 'taxpayer.read'),
  reads('civil-status', 'records.read'),
  reads('education', 'education.read'),
];
