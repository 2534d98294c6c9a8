/**
 * @deed/frost: two-of-two FROST (RFC 9591) over Ed25519 between a citizen's device and the
 * government cloud. Pure: no I/O, the same code in Node and in the browser.
 */
export { CIPHERSUITE, DEVICE, SERVER, PROTOCOL_VERSION, peerOf, isParticipantId, type ParticipantId } from './constants.js';
export { FrostError, type FrostErrorCode } from './errors.js';
export { toBase64url, fromBase64url, decodePoint, decodeScalar, SIGNATURE_BYTES } from './encoding.js';
export {
  parseDkgRound1Message,
  parseDkgRound2Message,
  parseCommitmentMessage,
  parseSignatureShareMessage,
  parseRefreshRound1Message,
  parseRefreshRound2Message,
  type FrostMessage,
  type DkgRound1Message,
  type DkgRound2Message,
  type CommitmentMessage,
  type SignatureShareMessage,
  type RefreshRound1Message,
  type RefreshRound2Message,
} from './messages.js';
export {
  checkKeyShare,
  encodeKeyShare,
  decodeKeyShare,
  publicKeyPackage,
  groupKeyFromVerifyingShares,
  type KeyShare,
  type KeyShareJSON,
  type SignerKey,
  type PublicKeyPackage,
} from './keys.js';
export { DkgSession, type DkgStateJSON } from './dkg.js';
export { SigningNonces, type StoredNoncesJSON } from './nonces.js';
export { commit, signShare, verifySignatureShare, aggregate, verifySignature, checkCommitmentList } from './sign.js';
export { serverCosign, type ServerCosignInput, type ServerCosignResult } from './cosign.js';
export { RefreshSession, applyRefresh, refreshShare, type RefreshResult, type RefreshStateJSON } from './refresh.js';
export {
  maskShare,
  unmaskShare,
  maskShareAsync,
  unmaskShareAsync,
  newPinSalt,
  checkPinKdfParams,
  DEFAULT_PIN_KDF_PARAMS,
  PIN_SALT_BYTES,
  type PinKdfParams,
} from './pin-mask.js';
export {
  createDeviceRecord,
  createDeviceRecordAsync,
  parseDeviceRecord,
  unlockDeviceRecord,
  unlockDeviceRecordAsync,
  refreshDeviceRecord,
  type DeviceKeyRecord,
} from './device.js';
