import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as edSign,
  verify as edVerify,
  webcrypto,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  ed25519KeyId,
  ed25519Verifier,
  formatCheckpoint,
  formatNote,
  formatVerifierKey,
  leafHash,
  MemoryNodeStore,
  NoteError,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signCheckpoint,
  signNote,
  verifyConsistency,
  verifyInclusion,
  type Ed25519VerifyFn,
  type NoteVerifier,
} from './index.js';

// node:crypto stands in for the server's signer and the app's verifier (tests only).
const nodeVerify: Ed25519VerifyFn = (publicKey, message, signature) =>
  edVerify(
    null,
    message,
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' }),
    signature,
  );

function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
}

function newKey(): { publicKey: Uint8Array; sign: (m: Uint8Array) => Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(publicKey), sign: (m) => new Uint8Array(edSign(null, m, privateKey)) };
}

async function noteCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof NoteError) return e.code;
    throw e;
  }
}
function syncCode(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof NoteError) return e.code;
    throw e;
  }
}

// golang.org/x/mod/sumdb/note's published example key and note: an independent implementation.
const GO_SKEY_SEED = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('signed notes (c2sp.org/signed-note)', () => {
  const seed = Buffer.from(GO_SKEY_SEED, 'base64').subarray(1);
  const goPrivate = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const goPublic = rawPublicKey(createPublicKey(goPrivate));

  it("reproduces Go sumdb/note's key ID, verifier key and signed note byte for byte", async () => {
    expect(ed25519KeyId('PeterNeumann', goPublic)).toBe(0xc74f20a3);
    expect(formatVerifierKey('PeterNeumann', goPublic)).toBe(GO_VKEY);
    expect(parseVerifierKey(GO_VKEY)).toEqual({ name: 'PeterNeumann', keyId: 0xc74f20a3, publicKey: goPublic });
    const note = await signNote(GO_TEXT, 'PeterNeumann', goPublic, (m) => new Uint8Array(edSign(null, m, goPrivate)));
    expect(note).toBe(GO_NOTE);
    const opened = await openNote(GO_NOTE, [ed25519Verifier(GO_VKEY, nodeVerify)]);
    expect(opened.text).toBe(GO_TEXT);
    expect(opened.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
  });

  it('accepts asynchronous verifiers (WebCrypto, as in the browser)', async () => {
    const subtleVerify: Ed25519VerifyFn = async (publicKey, message, signature) => {
      const key = await webcrypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
      return webcrypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
    };
    const opened = await openNote(GO_NOTE, [ed25519Verifier(GO_VKEY, subtleVerify)]);
    expect(opened.text).toBe(GO_TEXT);
  });

  it('keeps blank lines inside the text (the last blank line separates the signatures)', async () => {
    const k = newKey();
    const text = 'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n';
    const note = await signNote(text, 'quasimodo.example/salvatore', k.publicKey, k.sign);
    const opened = await openNote(note, [ed25519Verifier(formatVerifierKey('quasimodo.example/salvatore', k.publicKey), nodeVerify)]);
    expect(opened.text).toBe(text);
  });

  it('ignores unknown keys, rejects bad known signatures, requires one verified signature', async () => {
    const log = newKey();
    const witness = newKey();
    const logV = ed25519Verifier(formatVerifierKey('log.example', log.publicKey), nodeVerify);
    const text = 'hello\n';
    const m = new TextEncoder().encode(text);
    const logSig = { name: 'log.example', keyId: ed25519KeyId('log.example', log.publicKey), signature: log.sign(m) };
    const witnessSig = { name: 'witness.example', keyId: ed25519KeyId('witness.example', witness.publicKey), signature: witness.sign(m) };
    // Same name as the log but another key: unknown, so ignored.
    const impostorSig = { name: 'log.example', keyId: ed25519KeyId('log.example', witness.publicKey), signature: witness.sign(m) };

    const both = formatNote({ text, signatures: [witnessSig, impostorSig, logSig] });
    const opened = await openNote(both, [logV]);
    expect(opened.verified).toHaveLength(1);
    expect(opened.unverified.map((s) => s.name)).toEqual(['witness.example', 'log.example']);

    expect(await noteCode(openNote(formatNote({ text, signatures: [witnessSig] }), [logV]))).toBe('UNVERIFIED');
    expect(await noteCode(openNote(both, []))).toBe('UNVERIFIED');

    const forged = { ...logSig, signature: witness.sign(m) };
    expect(await noteCode(openNote(formatNote({ text, signatures: [witnessSig, forged] }), [logV]))).toBe('BAD_SIGNATURE');
    expect(await noteCode(openNote(both, [logV, logV]))).toBe('AMBIGUOUS_VERIFIER');

    const throwing: NoteVerifier = {
      name: logV.name,
      keyId: logV.keyId,
      verify: () => {
        throw new Error('boom');
      },
    };
    expect(await noteCode(openNote(both, [throwing]))).toBe('BAD_SIGNATURE');
  });

  it('refuses malformed notes with MALFORMED_NOTE', async () => {
    const sigLine = GO_NOTE.slice(GO_TEXT.length + 1);
    const b64 = sigLine.slice('— PeterNeumann '.length, -1);
    const malformed: [string, string | Uint8Array][] = [
      ['empty', ''],
      ['text only', GO_TEXT],
      ['no blank line', GO_TEXT + sigLine],
      ['no signature lines', GO_TEXT + '\n'],
      ['no final newline', GO_NOTE.slice(0, -1)],
      ['hyphen instead of em dash', GO_TEXT + '\n- PeterNeumann ' + b64 + '\n'],
      ['en dash instead of em dash', GO_TEXT + '\n– PeterNeumann ' + b64 + '\n'],
      ['no space after dash', GO_TEXT + '\n—PeterNeumann ' + b64 + '\n'],
      ['no signature', GO_TEXT + '\n— PeterNeumann\n'],
      ['empty signature', GO_TEXT + '\n— PeterNeumann \n'],
      ['empty name', GO_TEXT + '\n—  ' + b64 + '\n'],
      ['name with plus', GO_TEXT + '\n— Peter+Neumann ' + b64 + '\n'],
      ['name with no-break space', GO_TEXT + '\n— Peter\u00a0Neumann ' + b64 + '\n'],
      ['two spaces', GO_TEXT + '\n— PeterNeumann  ' + b64 + '\n'],
      ['trailing space', GO_TEXT + '\n— PeterNeumann ' + b64 + ' \n'],
      ['unpadded base64', GO_TEXT + '\n— PeterNeumann ' + b64.replace(/=+$/, '') + '\n'],
      ['base64url', GO_TEXT + '\n— PeterNeumann ' + b64.replaceAll('/', '_') + '\n'],
      ['signature of 4 bytes', GO_TEXT + '\n— PeterNeumann AAAAAA==\n'],
      ['carriage return', GO_NOTE.replace('\n', '\r\n')],
      ['tab', GO_NOTE.replace(' ', '\t')],
      ['NUL', '\u0000' + GO_NOTE],
      ['lone surrogate', '\ud800' + GO_NOTE],
      ['invalid UTF-8 bytes', new Uint8Array([0xff, ...new TextEncoder().encode(GO_NOTE)])],
      ['101 signatures', GO_TEXT + '\n' + sigLine.repeat(101)],
      ['not a string', 42 as never],
    ];
    for (const [what, note] of malformed) {
      expect(
        syncCode(() => parseNote(note)),
        what,
      ).toBe('MALFORMED_NOTE');
      expect(await noteCode(openNote(note, [ed25519Verifier(GO_VKEY, nodeVerify)])), what).toBe('MALFORMED_NOTE');
    }
    // A blank line among the signatures moves the split: the earlier lines become text, so the signature fails.
    const shifted = GO_NOTE + '\n' + sigLine;
    expect(parseNote(shifted).text).toBe(GO_NOTE);
    expect(await noteCode(openNote(shifted, [ed25519Verifier(GO_VKEY, nodeVerify)]))).toBe('BAD_SIGNATURE');
    // 100 signatures are fine; bytes are accepted as well as strings.
    expect(parseNote(GO_TEXT + '\n' + sigLine.repeat(100)).signatures).toHaveLength(100);
    expect(parseNote(new TextEncoder().encode(GO_NOTE)).text).toBe(GO_TEXT);
  });

  it('refuses bad verifier keys, including every truncation of a good one', () => {
    const bad = [
      '',
      'PeterNeumann',
      'PeterNeumann+c74f20a3',
      'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T',
    ];
    for (const k of bad)
      expect(
        syncCode(() => parseVerifierKey(k)),
        k,
      ).toBe('INVALID_KEY');
    // As in Go's TestNewVerifier: removing any span of characters must not yield a valid key.
    for (let i = 0; i < GO_VKEY.length; i++) {
      for (let j = i + 1; j <= GO_VKEY.length; j++) {
        const k = GO_VKEY.slice(0, i) + GO_VKEY.slice(j);
        expect(
          syncCode(() => parseVerifierKey(k)),
          k,
        ).toBe('INVALID_KEY');
      }
    }
    expect(parseVerifierKey(GO_VKEY.replace('c74f20a3', 'C74F20A3')).keyId).toBe(0xc74f20a3);
    expect(syncCode(() => ed25519KeyId('a b', new Uint8Array(32)))).toBe('INVALID_KEY');
    expect(syncCode(() => ed25519KeyId('ab', new Uint8Array(31)))).toBe('INVALID_KEY');
  });

  it('refuses to sign unusable text or with a broken signer', async () => {
    const k = newKey();
    expect(await noteCode(signNote('no newline', 'n', k.publicKey, k.sign))).toBe('INVALID_ARGUMENT');
    expect(await noteCode(signNote('bell\u0007\n', 'n', k.publicKey, k.sign))).toBe('INVALID_ARGUMENT');
    expect(await noteCode(signNote('ok\n', 'n', k.publicKey, () => new Uint8Array(10)))).toBe('INVALID_ARGUMENT');
    expect(await noteCode(signNote('ok\n', 'bad name', k.publicKey, k.sign))).toBe('INVALID_KEY');
    expect(await noteCode(signNote('ok\n', 'n', k.publicKey, async (m) => k.sign(m)))).toBe('ok');
  });
});

describe('checkpoints (c2sp.org/tlog-checkpoint)', () => {
  const ORIGIN = 'deed.example.gov/access-log';

  it('round-trips a signed checkpoint of a real log, whose proofs then verify', async () => {
    const k = newKey();
    const store = new MemoryNodeStore();
    for (let i = 0; i < 1000; i++) store.append(leafHash(new TextEncoder().encode(`commitment ${i}`)));
    const verifier = ed25519Verifier(formatVerifierKey(ORIGIN, k.publicKey), nodeVerify);

    const older = await signCheckpoint({ origin: ORIGIN, size: 600, root: store.root(600) }, ORIGIN, k.publicKey, k.sign);
    const newer = await signCheckpoint(
      { origin: ORIGIN, size: 1000, root: store.root(), extensions: ['ext one', 'ext two'] },
      ORIGIN,
      k.publicKey,
      k.sign,
    );
    expect(newer.split('\n').slice(0, 3)).toEqual([ORIGIN, '1000', base64Encode(store.root())]);

    const a = (await openCheckpoint(older, ORIGIN, [verifier])).checkpoint;
    const b = (await openCheckpoint(newer, ORIGIN, [verifier])).checkpoint;
    expect(b).toEqual({ origin: ORIGIN, size: 1000, root: store.root(), extensions: ['ext one', 'ext two'] });
    expect(a.extensions).toEqual([]);

    verifyInclusion(leafHash(new TextEncoder().encode('commitment 321')), 321, b.size, store.inclusionProof(321, b.size), b.root);
    verifyConsistency(a.size, b.size, store.consistencyProof(a.size, b.size), a.root, b.root);
  });

  it('rejects tampered text or signature, the wrong origin, and unknown keys', async () => {
    const k = newKey();
    const other = newKey();
    const root = leafHash(new Uint8Array(0));
    const note = await signCheckpoint({ origin: ORIGIN, size: 12, root }, ORIGIN, k.publicKey, k.sign);
    const verifier = ed25519Verifier(formatVerifierKey(ORIGIN, k.publicKey), nodeVerify);
    expect(await noteCode(openCheckpoint(note, ORIGIN, [verifier]))).toBe('ok');

    expect(await noteCode(openCheckpoint(note.replace('\n12\n', '\n13\n'), ORIGIN, [verifier]))).toBe('BAD_SIGNATURE');
    expect(await noteCode(openCheckpoint(note.replace(ORIGIN + '\n', 'deed.example.gov/other\n'), ORIGIN, [verifier]))).toBe(
      'BAD_SIGNATURE',
    );
    const sigB64 = note.slice(note.lastIndexOf(' ') + 1, -1);
    const blob = base64Decode(sigB64)!;
    for (const i of [4, 20, 67]) {
      const t = blob.slice();
      t[i]! ^= 0x01;
      expect(await noteCode(openCheckpoint(note.replace(sigB64, base64Encode(t)), ORIGIN, [verifier])), `byte ${i}`).toBe('BAD_SIGNATURE');
    }
    // A different key ID makes the signature unknown rather than bad.
    const t = blob.slice();
    t[0]! ^= 0x01;
    expect(await noteCode(openCheckpoint(note.replace(sigB64, base64Encode(t)), ORIGIN, [verifier]))).toBe('UNVERIFIED');

    expect(await noteCode(openCheckpoint(note, 'deed.example.gov/other', [verifier]))).toBe('ORIGIN_MISMATCH');
    const otherVerifier = ed25519Verifier(formatVerifierKey(ORIGIN, other.publicKey), nodeVerify);
    expect(await noteCode(openCheckpoint(note, ORIGIN, [otherVerifier]))).toBe('UNVERIFIED');
  });

  it('refuses malformed checkpoint bodies, even when correctly signed', async () => {
    const k = newKey();
    const verifier = ed25519Verifier(formatVerifierKey(ORIGIN, k.publicKey), nodeVerify);
    const root = base64Encode(new Uint8Array(32).fill(7));
    const bodies = [
      `${ORIGIN}\n12\n`,
      `${ORIGIN}\n`,
      `\n12\n${root}\n`,
      `${ORIGIN}\n012\n${root}\n`,
      `${ORIGIN}\n-1\n${root}\n`,
      `${ORIGIN}\n+1\n${root}\n`,
      `${ORIGIN}\n1e3\n${root}\n`,
      `${ORIGIN}\n 12\n${root}\n`,
      `${ORIGIN}\n0x10\n${root}\n`,
      `${ORIGIN}\n99999999999999999999\n${root}\n`,
      `${ORIGIN}\n12\n${base64Encode(new Uint8Array(31))}\n`,
      `${ORIGIN}\n12\n${root.replace(/=$/, '')}\n`,
      `${ORIGIN}\n12\n${root}\n\nextension after an empty line\n`,
    ];
    for (const body of bodies) {
      expect(
        syncCode(() => parseCheckpoint(body)),
        JSON.stringify(body),
      ).toBe('MALFORMED_CHECKPOINT');
      const signed = await signNote(body, ORIGIN, k.publicKey, k.sign);
      // An empty line inside the text is legal in a note, so the note itself may open; the body never parses.
      expect(await noteCode(openCheckpoint(signed, ORIGIN, [verifier])), JSON.stringify(body)).toMatch(
        /MALFORMED_CHECKPOINT|MALFORMED_NOTE/,
      );
    }
    expect(syncCode(() => parseCheckpoint(`${ORIGIN}\n12\n${root}`))).toBe('MALFORMED_CHECKPOINT');
    expect(parseCheckpoint(`${ORIGIN}\n0\n${root}\n`).size).toBe(0);
    expect(parseCheckpoint(`${ORIGIN}\n9007199254740991\n${root}\n`).size).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses to format invalid checkpoints', () => {
    const root = new Uint8Array(32);
    expect(syncCode(() => formatCheckpoint({ origin: '', size: 1, root }))).toBe('MALFORMED_CHECKPOINT');
    expect(syncCode(() => formatCheckpoint({ origin: 'a\nb', size: 1, root }))).toBe('MALFORMED_CHECKPOINT');
    expect(syncCode(() => formatCheckpoint({ origin: 'a', size: -1, root }))).toBe('MALFORMED_CHECKPOINT');
    expect(syncCode(() => formatCheckpoint({ origin: 'a', size: 1.5, root }))).toBe('MALFORMED_CHECKPOINT');
    expect(syncCode(() => formatCheckpoint({ origin: 'a', size: 1, root: root.subarray(1) }))).toBe('MALFORMED_CHECKPOINT');
    expect(syncCode(() => formatCheckpoint({ origin: 'a', size: 1, root, extensions: [''] }))).toBe('MALFORMED_CHECKPOINT');
    expect(formatCheckpoint({ origin: 'a', size: 1, root })).toBe(`a\n1\n${base64Encode(root)}\n`);
  });
});

describe('base64 (RFC 4648 §4, strict)', () => {
  it('matches Buffer for all lengths and refuses non-canonical input', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n * 11) & 0xff);
      const s = Buffer.from(bytes).toString('base64');
      expect(base64Encode(bytes)).toBe(s);
      expect(base64Decode(s)).toEqual(bytes);
    }
    for (const s of ['QR==', 'QUJ=', 'QQ', 'QQ=', 'Q===', '====', 'QQ==QQ==', 'QQ=A', 'Q Q=', '_-==', 'é===']) {
      expect(base64Decode(s), s).toBeUndefined();
    }
    expect(base64Decode('')).toEqual(new Uint8Array(0));
  });
});
