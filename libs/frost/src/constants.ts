/**
 * Fixed facts of the two-party setting: who is who, and which ciphersuite.
 */

/** Participant identifier on the wire. The device is always 1 and the server always 2. */
export type ParticipantId = 1 | 2;

/** The citizen's device (phone or browser). */
export const DEVICE: ParticipantId = 1;
/** The government cloud. */
export const SERVER: ParticipantId = 2;

/** RFC 9591 ciphersuite context string; every hash in the protocol is domain-separated by it. */
export const CIPHERSUITE = 'FROST-ED25519-SHA512-v1';

/** Version of the JSON messages and records defined by this package. */
export const PROTOCOL_VERSION = 1;

/** The other participant. */
export function peerOf(id: ParticipantId): ParticipantId {
  return id === DEVICE ? SERVER : DEVICE;
}

/** Narrows an unknown value to a participant identifier. */
export function isParticipantId(value: unknown): value is ParticipantId {
  return value === DEVICE || value === SERVER;
}
