/**
 * @deed/exchange: the protocol registers and the platform talk over (docs/exchange.md). Signed,
 * purpose-bound requests and responses between members, access rights, replay protection and
 * hash-linked message logs. Pure: no network, files or databases; storage and transport are the
 * caller's, through small interfaces. Node only (node:crypto Ed25519).
 */
export {
  ExchangeError,
  ServiceError,
  EXCHANGE_ERRORS,
  EXCHANGE_ERROR_CODES,
  PROBLEM_TYPE_PREFIX,
  isExchangeErrorCode,
  exchangeErrorFromProblem,
  type ExchangeErrorCode,
  type ExchangeProblem,
} from './errors.js';
export {
  MEMBER_ID,
  KEY_ID,
  generateSigningKey,
  signingKeyFromJwk,
  publicJwk,
  importPublicKey,
  type SigningKey,
  type MemberPublicJwk,
  type PublicKeyInput,
  type KeyResolver,
} from './keys.js';
export { Directory, type MemberDescription } from './directory.js';
export { configureCrypto, type CryptoOffload, type CryptoOptions } from './jws.js';
export {
  PROTOCOL_VERSION,
  REQUEST_TYP,
  RESPONSE_TYP,
  DEFAULT_SKEW_SECONDS,
  DEFAULT_MAX_BYTES,
  NAME,
  OPAQUE_ID,
  REQUEST_ID,
  createRequest,
  openRequest,
  createResponse,
  openResponse,
  requestHash,
  isProtocolError,
  type RequestEnvelope,
  type ResponseEnvelope,
  type RequestFields,
  type Outcome,
  type ErrorInfo,
  type Signed,
  type JsonValue,
  type ClockOptions,
  type OpenOptions,
  type OpenRequestOptions,
} from './messages.js';
export { AccessRights, checkRights, type Grant, type RightsQuery } from './rights.js';
export { MemoryReplayGuard, type ReplayGuard } from './replay.js';
export {
  GENESIS_HASH,
  logEntryHash,
  nextLogEntry,
  verifyLog,
  MemoryMessageLog,
  type Direction,
  type LogEntry,
  type LogEntryFields,
  type LogRecord,
  type LogBreak,
  type LogVerification,
  type VerifyLogOptions,
  type MessageLogSink,
} from './log.js';
export {
  defineService,
  implement,
  type ServiceDefinition,
  type ServiceOptions,
  type ServiceInput,
  type ServiceOutput,
  type ServiceContext,
  type ServiceHandler,
  type ServiceImplementation,
  type CitizenRule,
} from './service.js';
export {
  Provider,
  inProcessTransport,
  EXCHANGE_PATH,
  JOSE_CONTENT_TYPE,
  PROBLEM_CONTENT_TYPE,
  type ProviderOptions,
  type RightsSource,
  type Answer,
  type HttpAnswer,
} from './provider.js';
export {
  Client,
  httpTransport,
  type Transport,
  type ClientOptions,
  type CallArgs,
  type CallResult,
  type FetchLike,
  type HttpTransportOptions,
} from './client.js';
