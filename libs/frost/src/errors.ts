/**
 * One error type, with a stable code, so that a server can answer bad input with a 4xx
 * problem+json that says what is wrong instead of a 500.
 */

export type FrostErrorCode =
  /** A message or record does not have the expected shape, version or kind. */
  | 'invalid-message'
  /** Bytes that should encode a group element are malformed, non-canonical, the identity or of small order. */
  | 'invalid-point'
  /** Bytes that should encode a scalar are malformed or not reduced modulo the group order. */
  | 'invalid-scalar'
  /** A participant identifier is not 1 (device) or 2 (server), or is not the one expected. */
  | 'invalid-participant'
  /** The same participant appears twice. */
  | 'duplicate-participant'
  /** A commitment list lacks the caller's own commitment. */
  | 'missing-own-commitment'
  /** The caller's entry in a commitment list is not the commitment of the caller's nonces. */
  | 'commitment-mismatch'
  /** Not exactly two signers (two-of-two). */
  | 'wrong-signer-count'
  /** A signing nonce object was already used or exported. */
  | 'nonce-reused'
  /** A proof of knowledge in key generation does not verify. */
  | 'invalid-proof'
  /** A secret share received in key generation or refresh does not match the sender's commitments. */
  | 'invalid-share'
  /** Key material is internally inconsistent (share, verifying shares and group key disagree). */
  | 'inconsistent-key'
  /** A protocol step was called out of order or twice. */
  | 'invalid-state'
  /** Aggregation did not yield a valid signature. */
  | 'aggregation-failed'
  /** Parameters (for example of the PIN key derivation) are out of range. */
  | 'invalid-parameters';

export class FrostError extends Error {
  readonly code: FrostErrorCode;

  constructor(code: FrostErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FrostError';
    this.code = code;
  }
}

/**
 * Runs a noble call and turns whatever it throws into a FrostError. noble validates every
 * element it deserializes but says so in its own words; `diagnose` re-checks the inputs with
 * this package's decoders (only on this failure path, so the happy path pays nothing) and
 * throws the precise FrostError (invalid-point, invalid-scalar...) when one of them is at fault.
 */
export function wrapNoble<T>(code: FrostErrorCode, what: string, fn: () => T, diagnose?: () => void): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FrostError) throw err;
    diagnose?.();
    const detail = err instanceof Error ? err.message : String(err);
    throw new FrostError(code, `${what}: ${detail}`, { cause: err });
  }
}
