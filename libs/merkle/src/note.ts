/**
 * C2SP signed notes (https://c2sp.org/signed-note): text, a blank line, then signature
 * lines "— <key name> <base64(key ID || signature)>". The library does no curve
 * arithmetic: signing and Ed25519 verification are callbacks, so the server can use
 * node:crypto or a KMS and the browser WebCrypto or @noble/curves.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, isBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64Decode, base64Encode } from './base64.js';
import { NoteError } from './errors.js';

/** Signature type byte for Ed25519 in key IDs and verifier keys. */
export const ED25519_SIGNATURE_TYPE = 0x01;
const ED25519_PUBLIC_KEY_SIZE = 32;
const ED25519_SIGNATURE_SIZE = 64;

/** Signature lines accepted per note; the spec requires at least 16, Go's sumdb/note stops at 100. */
export const MAX_NOTE_SIGNATURES = 100;

const SIG_PREFIX = '\u2014 ';

export interface NoteSignature {
  /** Key name. */
  readonly name: string;
  /** The 32-bit key ID, as an unsigned integer. */
  readonly keyId: number;
  /** The signature bytes, without the key ID. */
  readonly signature: Uint8Array;
}

export interface Note {
  /** The signed text, ending in a newline. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export interface OpenedNote {
  readonly text: string;
  /** Signatures by known keys; all verified. */
  readonly verified: readonly NoteSignature[];
  /** Signatures by unknown keys, which the spec says to ignore; kept for the caller's information. */
  readonly unverified: readonly NoteSignature[];
}

/** A key the caller trusts, identified by name and key ID. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean | Promise<boolean>;
}

/** Produces a signature over the note text's UTF-8 bytes. */
export type NoteSignFn = (message: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** Verifies an Ed25519 signature (e.g. node:crypto verify, WebCrypto, or @noble/curves ed25519.verify). */
export type Ed25519VerifyFn = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;

/** A parsed verifier key. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  /** The 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
}

// Unicode White_Space is exactly the set Go's unicode.IsSpace rejects in key names.
const BAD_NAME_CHAR = /[\p{White_Space}+]/u;
// Code units that cannot be encoded as UTF-8: unpaired surrogates.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// ASCII controls other than newline, forbidden anywhere in a note.
const CONTROL = /[\u0000-\u0009\u000B-\u001F]/;

/** Key names must be non-empty and contain no Unicode spaces and no '+'. */
export function isValidKeyName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && !BAD_NAME_CHAR.test(name) && !CONTROL.test(name) && !LONE_SURROGATE.test(name);
}

function checkKey(name: string, publicKey: Uint8Array): void {
  if (!isValidKeyName(name)) throw new NoteError('INVALID_KEY', `invalid key name ${JSON.stringify(name)}`);
  if (!isBytes(publicKey) || publicKey.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new NoteError('INVALID_KEY', `an Ed25519 public key must be ${ED25519_PUBLIC_KEY_SIZE} bytes`);
  }
}

/** Key ID = first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || 32-byte public key). */
export function ed25519KeyId(name: string, publicKey: Uint8Array): number {
  checkKey(name, publicKey);
  const nameBytes = utf8ToBytes(name);
  const buf = new Uint8Array(nameBytes.length + 2 + ED25519_PUBLIC_KEY_SIZE);
  buf.set(nameBytes, 0);
  buf[nameBytes.length] = 0x0a;
  buf[nameBytes.length + 1] = ED25519_SIGNATURE_TYPE;
  buf.set(publicKey, nameBytes.length + 2);
  const h = sha256(buf);
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

/** "<name>+<8 hex digits of key ID>+<base64(0x01 || public key)>". */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  const keyId = ed25519KeyId(name, publicKey);
  const typed = new Uint8Array(1 + ED25519_PUBLIC_KEY_SIZE);
  typed[0] = ED25519_SIGNATURE_TYPE;
  typed.set(publicKey, 1);
  return `${name}+${keyIdHex(keyId)}+${base64Encode(typed)}`;
}

/** Parses an Ed25519 verifier key, checking that its key ID matches its name and key. */
export function parseVerifierKey(vkey: string): VerifierKey {
  if (typeof vkey !== 'string') throw new NoteError('INVALID_KEY', 'verifier key must be a string');
  // The name has no '+', the key ID is hex; only the base64 key may contain '+'.
  const p1 = vkey.indexOf('+');
  const p2 = p1 < 0 ? -1 : vkey.indexOf('+', p1 + 1);
  if (p2 < 0) throw new NoteError('INVALID_KEY', 'verifier key must be <name>+<key ID>+<key>');
  const name = vkey.slice(0, p1);
  const idHex = vkey.slice(p1 + 1, p2);
  const key = base64Decode(vkey.slice(p2 + 1));
  if (!isValidKeyName(name)) throw new NoteError('INVALID_KEY', 'verifier key has an invalid name');
  if (!/^[0-9a-fA-F]{8}$/.test(idHex)) throw new NoteError('INVALID_KEY', 'verifier key ID must be 8 hex digits');
  if (key === undefined || key.length === 0) throw new NoteError('INVALID_KEY', 'verifier key is not valid base64');
  if (key[0] !== ED25519_SIGNATURE_TYPE)
    throw new NoteError('INVALID_KEY', `unsupported signature type 0x${bytesToHex(key.subarray(0, 1))}`);
  if (key.length !== 1 + ED25519_PUBLIC_KEY_SIZE) throw new NoteError('INVALID_KEY', 'Ed25519 verifier key must hold 32 bytes');
  const publicKey = key.slice(1);
  const keyId = parseInt(idHex, 16);
  if (ed25519KeyId(name, publicKey) !== keyId) throw new NoteError('INVALID_KEY', 'verifier key ID does not match name and key');
  return { name, keyId, publicKey };
}

/**
 * A NoteVerifier for an Ed25519 key. `verify` errors count as a failed signature, so a
 * throwing curve library cannot turn a bad signature into a crash.
 */
export function ed25519Verifier(key: string | VerifierKey, verify: Ed25519VerifyFn): NoteVerifier {
  const k = typeof key === 'string' ? parseVerifierKey(key) : key;
  checkKey(k.name, k.publicKey);
  if (ed25519KeyId(k.name, k.publicKey) !== k.keyId) throw new NoteError('INVALID_KEY', 'key ID does not match name and key');
  const publicKey = k.publicKey.slice();
  return {
    name: k.name,
    keyId: k.keyId,
    async verify(message, signature) {
      if (signature.length !== ED25519_SIGNATURE_SIZE) return false;
      try {
        return (await verify(publicKey, message, signature)) === true;
      } catch {
        return false;
      }
    },
  };
}

/** Why a string cannot be (part of) a note, or undefined if it can. */
function textProblem(s: string): string | undefined {
  if (LONE_SURROGATE.test(s)) return 'is not valid UTF-8 (unpaired surrogate)';
  if (CONTROL.test(s)) return 'contains an ASCII control character other than newline';
  return undefined;
}

function checkNoteText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new NoteError('INVALID_ARGUMENT', 'note text must be a string');
  if (!text.endsWith('\n')) throw new NoteError('INVALID_ARGUMENT', 'note text must end with a newline');
  const problem = textProblem(text);
  if (problem !== undefined) throw new NoteError('INVALID_ARGUMENT', `note text ${problem}`);
}

function signatureLine(sig: NoteSignature): string {
  if (!isValidKeyName(sig.name)) throw new NoteError('INVALID_KEY', `invalid key name ${JSON.stringify(sig.name)}`);
  if (!Number.isInteger(sig.keyId) || sig.keyId < 0 || sig.keyId > 0xffffffff) {
    throw new NoteError('INVALID_ARGUMENT', 'key ID must be a 32-bit unsigned integer');
  }
  if (!isBytes(sig.signature) || sig.signature.length === 0) throw new NoteError('INVALID_ARGUMENT', 'signature must be non-empty bytes');
  const blob = new Uint8Array(4 + sig.signature.length);
  new DataView(blob.buffer).setUint32(0, sig.keyId, false);
  blob.set(sig.signature, 4);
  return `${SIG_PREFIX}${sig.name} ${base64Encode(blob)}\n`;
}

/** Serialises a note: text, blank line, one line per signature. */
export function formatNote(note: Note): string {
  checkNoteText(note.text);
  if (!Array.isArray(note.signatures) || note.signatures.length === 0) {
    throw new NoteError('INVALID_ARGUMENT', 'a signed note needs at least one signature');
  }
  if (note.signatures.length > MAX_NOTE_SIGNATURES) {
    throw new NoteError('INVALID_ARGUMENT', `more than ${MAX_NOTE_SIGNATURES} signatures`);
  }
  return `${note.text}\n${note.signatures.map(signatureLine).join('')}`;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function malformed(why: string): NoteError {
  return new NoteError('MALFORMED_NOTE', `malformed signed note: ${why}`);
}

/**
 * Parses a signed note without verifying it. Strict: anything the spec does not allow is
 * refused with a MALFORMED_NOTE error saying what is wrong.
 */
export function parseNote(input: string | Uint8Array): Note {
  let note: string;
  if (typeof input === 'string') note = input;
  else if (isBytes(input)) {
    try {
      note = utf8Decoder.decode(input);
    } catch {
      throw malformed('not valid UTF-8');
    }
  } else throw malformed('expected a string or bytes');
  const problem = textProblem(note);
  if (problem !== undefined) throw malformed(`note ${problem}`);
  // The text may itself contain blank lines; the last one separates it from the signatures.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0) throw malformed('no signature lines');
  if (!block.endsWith('\n')) throw malformed('the last signature line does not end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw malformed(`more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line, i): NoteSignature => {
    const where = `signature line ${i + 1}`;
    if (!line.startsWith(SIG_PREFIX)) throw malformed(`${where} does not start with an em dash (U+2014) and a space`);
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.indexOf(' ');
    if (space < 0) throw malformed(`${where} has no space between key name and signature`);
    const name = rest.slice(0, space);
    if (!isValidKeyName(name)) throw malformed(`${where} has an invalid key name`);
    const blob = base64Decode(rest.slice(space + 1));
    if (blob === undefined) throw malformed(`${where} signature is not valid base64`);
    if (blob.length < 5) throw malformed(`${where} signature is shorter than a key ID and one byte`);
    const keyId = new DataView(blob.buffer, blob.byteOffset, 4).getUint32(0, false);
    return { name, keyId, signature: blob.slice(4) };
  });
  return { text, signatures };
}

/** Signs `text` with one Ed25519 key and returns the signed note. */
export async function signNote(text: string, name: string, publicKey: Uint8Array, sign: NoteSignFn): Promise<string> {
  checkNoteText(text);
  const keyId = ed25519KeyId(name, publicKey);
  const signature = await sign(utf8ToBytes(text));
  if (!isBytes(signature) || signature.length !== ED25519_SIGNATURE_SIZE) {
    throw new NoteError('INVALID_ARGUMENT', `the sign callback must return a ${ED25519_SIGNATURE_SIZE}-byte Ed25519 signature`);
  }
  return formatNote({ text, signatures: [{ name, keyId, signature }] });
}

/**
 * Parses and verifies a signed note against the keys the caller trusts, per the spec:
 * signatures by unknown keys are ignored; a failing signature by a known key rejects the
 * whole note (BAD_SIGNATURE); with no verified signature the note is rejected (UNVERIFIED).
 * Only the returned text may be trusted.
 */
export async function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): Promise<OpenedNote> {
  if (!Array.isArray(verifiers)) throw new NoteError('INVALID_ARGUMENT', 'verifiers must be an array');
  const parsed = parseNote(note);
  const message = utf8ToBytes(parsed.text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of parsed.signatures) {
    const id = `${sig.name}+${keyIdHex(sig.keyId)}`;
    const known = verifiers.filter((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (known.length > 1) throw new NoteError('AMBIGUOUS_VERIFIER', `more than one verifier for key ${id}`);
    const verifier = known[0];
    if (verifier === undefined) {
      unverified.push(sig);
      continue;
    }
    // Like Go's sumdb/note: the first signature by a key decides; repeats are dropped.
    if (seen.has(id)) continue;
    seen.add(id);
    let ok: boolean;
    try {
      ok = (await verifier.verify(message.slice(), sig.signature.slice())) === true;
    } catch {
      ok = false;
    }
    if (!ok) throw new NoteError('BAD_SIGNATURE', `signature by ${id} does not verify`);
    verified.push(sig);
  }
  if (verified.length === 0) throw new NoteError('UNVERIFIED', 'no signature by a known key');
  return { text: parsed.text, verified, unverified };
}
