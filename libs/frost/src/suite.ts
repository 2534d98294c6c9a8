/**
 * The one place that binds this package to noble's audited FROST(Ed25519, SHA-512)
 * implementation. No curve arithmetic is written here or anywhere else in the package:
 * points and scalars are only ever handled through noble's Point and Fn.
 */
import type { EdwardsPoint } from '@noble/curves/abstract/edwards.js';
import { ed25519, ed25519_FROST } from '@noble/curves/ed25519.js';
import type { ParticipantId } from './constants.js';

export const frost = ed25519_FROST;
export const Point = ed25519.Point;
export type Point = EdwardsPoint;
/** Scalar field modulo the group order L = 2^252 + 27742317777372353535851937790883648493. */
export const Fn = ed25519_FROST.utils.Fn;

/** noble identifies participants by the hex of the serialized scalar; ours are the numbers 1 and 2. */
export function nobleId(id: ParticipantId): string {
  return frost.Identifier.fromNumber(id);
}
