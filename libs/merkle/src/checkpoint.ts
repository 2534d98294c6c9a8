/**
 * C2SP checkpoints (https://c2sp.org/tlog-checkpoint): the note text
 *   <origin>\n<tree size>\n<base64 root hash>\n[<extension line>\n...]
 * signed as a C2SP signed note. An open format, so any witness or monitor in the
 * transparency-log ecosystem can check the citizen access log without Deed's code.
 */
import { isBytes } from '@noble/hashes/utils.js';
import { base64Decode, base64Encode } from './base64.js';
import { NoteError } from './errors.js';
import { HASH_SIZE } from './hash.js';
import { openNote, signNote, type NoteSignFn, type NoteVerifier, type OpenedNote } from './note.js';

export interface Checkpoint {
  /** Unique identity of the log, e.g. "deed.example.gov/access-log". */
  readonly origin: string;
  /** Number of leaves. */
  readonly size: number;
  /** RFC 9162 root hash of the first `size` leaves. */
  readonly root: Uint8Array;
  /** Opaque extension lines, without newlines; the spec advises against using them. */
  readonly extensions?: readonly string[];
}

// ASCII controls (newline included: a field is one line) and unpaired surrogates.
const BAD_LINE = /[\u0000-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

function bad(why: string): NoteError {
  return new NoteError('MALFORMED_CHECKPOINT', `malformed checkpoint: ${why}`);
}

function checkLine(what: string, line: unknown): asserts line is string {
  if (typeof line !== 'string' || line.length === 0) throw bad(`${what} must be a non-empty string`);
  if (BAD_LINE.test(line)) throw bad(`${what} contains a newline, control character or invalid UTF-16`);
}

/** The checkpoint note text (ends with a newline). */
export function formatCheckpoint(cp: Checkpoint): string {
  checkLine('origin', cp.origin);
  if (typeof cp.size !== 'number' || !Number.isSafeInteger(cp.size) || cp.size < 0) {
    throw bad('size must be a non-negative safe integer');
  }
  if (!isBytes(cp.root) || cp.root.length !== HASH_SIZE) throw bad(`root must be ${HASH_SIZE} bytes`);
  const extensions = cp.extensions ?? [];
  if (!Array.isArray(extensions)) throw bad('extensions must be an array of lines');
  extensions.forEach((line, i) => checkLine(`extension line ${i + 1}`, line));
  return [cp.origin, String(cp.size), base64Encode(cp.root), ...extensions].map((l) => `${l}\n`).join('');
}

/** Parses checkpoint note text strictly (use openCheckpoint for a signed note). */
export function parseCheckpoint(text: string): Checkpoint & { readonly extensions: readonly string[] } {
  if (typeof text !== 'string') throw bad('text must be a string');
  if (!text.endsWith('\n')) throw bad('text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw bad('needs origin, tree size and root hash lines');
  lines.forEach((line, i) => checkLine(`line ${i + 1}`, line));
  const [origin, sizeLine, rootLine, ...extensions] = lines as [string, string, string, ...string[]];
  if (!DECIMAL.test(sizeLine)) throw bad('tree size must be decimal digits without leading zeros');
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) throw bad('tree size is too large');
  const root = base64Decode(rootLine);
  if (root === undefined) throw bad('root hash is not valid base64');
  if (root.length !== HASH_SIZE) throw bad(`root hash is ${root.length} bytes, not ${HASH_SIZE}`);
  return { origin, size, root, extensions };
}

/** Formats and signs a checkpoint with one Ed25519 key; the key name should be the origin. */
export async function signCheckpoint(cp: Checkpoint, name: string, publicKey: Uint8Array, sign: NoteSignFn): Promise<string> {
  return signNote(formatCheckpoint(cp), name, publicKey, sign);
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint & { readonly extensions: readonly string[] };
  readonly note: OpenedNote;
}

/**
 * Verifies a signed checkpoint against trusted keys and checks it comes from the log
 * `origin` (so a checkpoint of another log signed by a shared key is not accepted).
 */
export async function openCheckpoint(
  note: string | Uint8Array,
  origin: string,
  verifiers: readonly NoteVerifier[],
): Promise<OpenedCheckpoint> {
  const opened = await openNote(note, verifiers);
  const checkpoint = parseCheckpoint(opened.text);
  if (checkpoint.origin !== origin) {
    throw new NoteError('ORIGIN_MISMATCH', `checkpoint origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(origin)}`);
  }
  return { checkpoint, note: opened };
}
