import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * One access to a citizen's data: who looked, when, at what, and why. This is what the
 * citizen reads; the tree holds only a salted commitment to it, so the tree itself reveals
 * nothing about anyone.
 */
export interface AccessEvent {
  /** The citizen whose data was accessed (their register number, UNZR). */
  citizen: string;
  /** ISO 8601 UTC time of the access. */
  at: string;
  /** Who accessed: an exchange member, a verifier or a business, by id. */
  actor: string;
  /** What was done, e.g. `population/person.read` or `document.verify`. */
  action: string;
  /** The declared purpose of the access. */
  purpose: string;
  /** The case the access belongs to, when there is one. */
  caseId?: string;
}

const FIELDS = ['citizen', 'at', 'actor', 'action', 'purpose', 'caseId'] as const;

/**
 * The canonical bytes of an event: its fields in a fixed order as a JSON array (absent
 * caseId as null). Fixed order, not object key order, so every implementation agrees.
 */
export function encodeEvent(event: AccessEvent): Uint8Array {
  return utf8ToBytes(JSON.stringify(FIELDS.map((field) => event[field] ?? null)));
}

/** The leaf data: SHA-256(salt ‖ canonical event). The salt (32 random bytes) is the citizen's to see. */
export function commitment(event: AccessEvent, salt: Uint8Array): Uint8Array {
  const encoded = encodeEvent(event);
  const data = new Uint8Array(salt.length + encoded.length);
  data.set(salt, 0);
  data.set(encoded, salt.length);
  return sha256(data);
}
