/**
 * @deed/access-log: the format of the citizens' access log and the checks a citizen's device
 * (or anyone the citizen asks) runs on it. Pure: no I/O.
 */
export { commitment, encodeEvent, type AccessEvent } from './entry.js';
export { AccessLogVerificationError, verifyEntries, type ProvenEntry, type SignedCheckpoint } from './verify.js';
