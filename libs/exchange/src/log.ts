/**
 * Message logs: each member keeps the signed request/response pairs it sent ('out') and
 * answered ('in'), as a hash chain, so that a deleted, inserted, reordered or altered entry
 * is detected (docs/exchange.md, "Message logs"). The chain is computed here; storing it is
 * the caller's (a MessageLogSink).
 */
import { createHash } from 'node:crypto';
import type { RequestEnvelope, ResponseEnvelope } from './messages.js';

export type Direction = 'in' | 'out';

/** prevHash of the first entry: 32 zero bytes, base64url. */
export const GENESIS_HASH = 'A'.repeat(43);

const DOMAIN = Buffer.from('deed-exchange-log/v1', 'ascii');
const HASH = /^[A-Za-z0-9_-]{43}$/;

export interface LogEntryFields {
  /** When the entry was written: unix time in milliseconds. */
  at: number;
  /** 'out': this member was the client; 'in': this member was the provider. */
  direction: Direction;
  requestJws: string;
  /** The response as received or sent; null when none came back (the call was refused unsigned, or the transport failed). */
  responseJws: string | null;
}

export interface LogEntry extends LogEntryFields {
  /** 1, 2, 3... with no gaps. */
  seq: number;
  /** The hash of the entry before (GENESIS_HASH for seq 1), base64url. */
  prevHash: string;
  /** base64url(SHA-256(canonical encoding of seq, at, direction, requestJws, responseJws, prevHash)). */
  hash: string;
}

function u64(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(value));
  return buffer;
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

/**
 * The hash of an entry:
 * SHA-256("deed-exchange-log/v1" || u64(seq) || u64(at) || u8(1 in, 2 out)
 *         || u32(len) || requestJws || (u8(0) | u8(1) || u32(len) || responseJws) || prevHash (32 bytes)),
 * integers big-endian, strings UTF-8, lengths in bytes. Base64url.
 */
export function logEntryHash(entry: Omit<LogEntry, 'hash'>): string {
  const hash = createHash('sha256')
    .update(DOMAIN)
    .update(u64(entry.seq))
    .update(u64(entry.at))
    .update(Buffer.of(entry.direction === 'in' ? 1 : 2))
    .update(u32(Buffer.byteLength(entry.requestJws, 'utf8')))
    .update(entry.requestJws, 'utf8');
  if (entry.responseJws === null) hash.update(Buffer.of(0));
  else
    hash
      .update(Buffer.of(1))
      .update(u32(Buffer.byteLength(entry.responseJws, 'utf8')))
      .update(entry.responseJws, 'utf8');
  return hash.update(Buffer.from(entry.prevHash, 'base64url')).digest('base64url');
}

function checkFields(fields: LogEntryFields): void {
  if (!Number.isSafeInteger(fields.at) || fields.at < 0) throw new TypeError(`log entry "at" must be unix milliseconds: ${fields.at}`);
  if (fields.direction !== 'in' && fields.direction !== 'out') throw new TypeError(`log entry direction must be "in" or "out"`);
  if (typeof fields.requestJws !== 'string') throw new TypeError('log entry requestJws must be a string');
  if (fields.responseJws !== null && typeof fields.responseJws !== 'string')
    throw new TypeError('log entry responseJws must be a string or null');
}

/** The entry that follows `prev` (or the first entry, if `prev` is undefined). */
export function nextLogEntry(prev: LogEntry | undefined, fields: LogEntryFields): LogEntry {
  checkFields(fields);
  const unhashed = {
    seq: prev === undefined ? 1 : prev.seq + 1,
    at: fields.at,
    direction: fields.direction,
    requestJws: fields.requestJws,
    responseJws: fields.responseJws,
    prevHash: prev === undefined ? GENESIS_HASH : prev.hash,
  };
  return { ...unhashed, hash: logEntryHash(unhashed) };
}

export type LogBreak =
  /** A seq out of order: an entry before it was deleted (or one inserted). */
  | 'seq'
  /** prevHash is not the previous entry's hash: entries deleted and renumbered, or reordered. */
  | 'prev-hash'
  /** The entry's hash does not match its content: the entry was altered. */
  | 'hash'
  /** A field has the wrong type. */
  | 'malformed'
  /** The entry's hash differs from a hash recorded elsewhere (an anchor), or an anchored entry is missing. */
  | 'anchor';

export type LogVerification =
  | { ok: true; count: number; head: { seq: number; hash: string } | undefined }
  | { ok: false; seq: number; reason: LogBreak; detail: string };

export interface VerifyLogOptions {
  /** Verify a segment: the entry just before the first one given (default: the chain starts at seq 1 from GENESIS_HASH). */
  after?: { seq: number; hash: string };
  /**
   * Hashes known from outside the log (a signed checkpoint, the counterpart's records, a backup):
   * a chain rewritten from some entry on is consistent with itself, but not with these.
   */
  anchors?: Iterable<{ seq: number; hash: string }>;
}

/**
 * Walks a chain in order and returns the first broken entry, if any. A deletion shows as a seq
 * gap (or, if the rest was renumbered, a prevHash mismatch); an alteration as a hash mismatch.
 * Truncation at the end, or a rewrite of the whole tail, is only visible against an anchor.
 */
export function verifyLog(entries: Iterable<LogEntry>, options: VerifyLogOptions = {}): LogVerification {
  const anchors = new Map<number, string>();
  for (const anchor of options.anchors ?? []) anchors.set(anchor.seq, anchor.hash);
  let prevSeq = options.after?.seq ?? 0;
  let prevHash = options.after?.hash ?? GENESIS_HASH;
  let count = 0;
  for (const entry of entries) {
    const expectedSeq = prevSeq + 1;
    if (typeof entry !== 'object' || entry === null || !Number.isSafeInteger(entry.seq)) {
      return { ok: false, seq: expectedSeq, reason: 'malformed', detail: `the entry after seq ${prevSeq} has no integer seq` };
    }
    try {
      checkFields(entry);
      if (typeof entry.prevHash !== 'string' || !HASH.test(entry.prevHash) || typeof entry.hash !== 'string' || !HASH.test(entry.hash)) {
        throw new TypeError('prevHash and hash must be base64url SHA-256 hashes');
      }
    } catch (error) {
      return { ok: false, seq: entry.seq, reason: 'malformed', detail: (error as Error).message };
    }
    if (entry.seq !== expectedSeq) {
      return {
        ok: false,
        seq: entry.seq,
        reason: 'seq',
        detail: `expected seq ${expectedSeq}, found ${entry.seq}: entries are missing or out of order`,
      };
    }
    if (entry.prevHash !== prevHash) {
      return { ok: false, seq: entry.seq, reason: 'prev-hash', detail: `prevHash is not the hash of entry ${prevSeq}` };
    }
    if (logEntryHash(entry) !== entry.hash) {
      return { ok: false, seq: entry.seq, reason: 'hash', detail: `the content of entry ${entry.seq} does not match its hash` };
    }
    const anchored = anchors.get(entry.seq);
    if (anchored !== undefined) {
      if (anchored !== entry.hash)
        return { ok: false, seq: entry.seq, reason: 'anchor', detail: `entry ${entry.seq} differs from its anchored hash` };
      anchors.delete(entry.seq);
    }
    prevSeq = entry.seq;
    prevHash = entry.hash;
    count += 1;
  }
  for (const seq of [...anchors.keys()].sort((a, b) => a - b)) {
    if (seq > prevSeq) return { ok: false, seq, reason: 'anchor', detail: `anchored entry ${seq} is missing: the log ends at ${prevSeq}` };
  }
  return { ok: true, count, head: count === 0 && options.after === undefined ? undefined : { seq: prevSeq, hash: prevHash } };
}

/** What a member's message log receives for each exchange: the entry's fields and the parsed messages. */
export interface LogRecord extends LogEntryFields {
  request: RequestEnvelope;
  /** The verified response; undefined when responseJws is null or did not verify. */
  response: ResponseEnvelope | undefined;
}

/**
 * Where a member's message log goes. An implementation reads its last entry, appends
 * nextLogEntry(last, record) and must not let two appends interleave (one transaction with a
 * lock on the chain's head, or one chain per node). The exchange awaits it: no response is
 * returned (provider) or accepted (client) before its pair is logged.
 */
export interface MessageLogSink {
  append(record: LogRecord): void | Promise<void>;
}

/** A message log in memory: tests, benchmarks, a member that ships its log elsewhere. */
export class MemoryMessageLog implements MessageLogSink {
  readonly entries: LogEntry[] = [];

  append(record: LogRecord): void {
    this.entries.push(nextLogEntry(this.entries[this.entries.length - 1], record));
  }

  verify(options?: VerifyLogOptions): LogVerification {
    return verifyLog(this.entries, options);
  }
}
