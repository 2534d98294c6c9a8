import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Algorithms the platform signs with: Ed25519 (EdDSA) by default, P-256 where a standard needs it. */
export type KeyAlgorithm = 'EdDSA' | 'ES256';

/** One job a platform key does; a module declares the purposes it signs for. */
export interface KeyPurpose {
  name: string;
  alg: KeyAlgorithm;
  description: string;
}

export interface PlatformKey {
  kid: string;
  purpose: string;
  alg: KeyAlgorithm;
  createdAt: string;
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
}

export interface KeyInfo {
  kid: string;
  purpose: string;
  alg: KeyAlgorithm;
  createdAt: string;
  status: 'current' | 'previous';
}

export class UnknownKeyPurposeError extends Error {
  constructor(
    readonly purpose: string,
    known: readonly string[],
  ) {
    super(`Unknown key purpose "${purpose}"; known purposes: ${known.join(', ')}`);
    this.name = 'UnknownKeyPurposeError';
  }
}

interface StoredKey {
  kid: string;
  alg: KeyAlgorithm;
  createdAt: string;
  privateJwk: crypto.JsonWebKey;
}

/**
 * Platform signing keys kept as JWK files in `<dataDir>/keys/<purpose>/<kid>.json`, owner-only
 * (0600, folders 0700). The newest key of a purpose is current; older ones stay so that what
 * they signed keeps verifying. The files are re-read when the folder changes, so every process
 * sharing the data directory sees a rotation. A KMS or HSM can replace this class later.
 */
export class KeyStore {
  private readonly cache = new Map<string, { mtimeMs: number; keys: PlatformKey[] }>();

  constructor(
    private readonly dataDir: string,
    readonly purposes: readonly KeyPurpose[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates the first key of every purpose that has none. */
  ensureKeys(): void {
    for (const purpose of this.purposes) if (this.load(purpose.name).length === 0) this.firstKey(purpose);
  }

  /** Processes starting together on a new data directory agree on one first key. */
  private firstKey(purpose: KeyPurpose): void {
    const dir = this.dir(purpose.name);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const lock = path.join(dir, '.first-key.lock');
    try {
      fs.writeFileSync(lock, '', { flag: 'wx', mode: 0o600 });
    } catch {
      // Another process is making it: wait for it (a few milliseconds), then use it.
      for (let waited = 0; waited < 5000 && this.load(purpose.name).length === 0; waited += 10)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      if (this.load(purpose.name).length > 0) return;
      fs.rmSync(lock, { force: true });
      return this.firstKey(purpose);
    }
    try {
      if (this.load(purpose.name).length === 0) this.generate(purpose);
    } finally {
      fs.rmSync(lock, { force: true });
    }
  }

  current(purpose: string): PlatformKey {
    const keys = this.load(this.purpose(purpose).name);
    const newest = keys[0];
    if (!newest) return this.generate(this.purpose(purpose));
    return newest;
  }

  /** All keys of a purpose, newest first. */
  keys(purpose: string): PlatformKey[] {
    return this.load(this.purpose(purpose).name);
  }

  find(kid: string): PlatformKey | undefined {
    for (const purpose of this.purposes) {
      const key = this.load(purpose.name).find((k) => k.kid === kid);
      if (key) return key;
    }
    return undefined;
  }

  list(): KeyInfo[] {
    return this.purposes.flatMap((purpose) =>
      this.load(purpose.name).map((key, index) => ({
        kid: key.kid,
        purpose: key.purpose,
        alg: key.alg,
        createdAt: key.createdAt,
        status: index === 0 ? ('current' as const) : ('previous' as const),
      })),
    );
  }

  /** Makes a new current key; the previous ones keep verifying. */
  rotate(purpose: string): PlatformKey {
    return this.generate(this.purpose(purpose));
  }

  private purpose(name: string): KeyPurpose {
    const found = this.purposes.find((p) => p.name === name);
    if (!found)
      throw new UnknownKeyPurposeError(
        name,
        this.purposes.map((p) => p.name),
      );
    return found;
  }

  private dir(purpose: string): string {
    return path.join(this.dataDir, 'keys', purpose);
  }

  private generate(purpose: KeyPurpose): PlatformKey {
    const { privateKey } =
      purpose.alg === 'EdDSA' ? crypto.generateKeyPairSync('ed25519') : crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const createdAt = this.now().toISOString();
    const kid = `${purpose.name}-${createdAt.slice(0, 10).replaceAll('-', '')}-${crypto.randomBytes(4).toString('hex')}`;
    const stored: StoredKey = { kid, alg: purpose.alg, createdAt, privateJwk: privateKey.export({ format: 'jwk' }) };
    const dir = this.dir(purpose.name);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(path.join(this.dataDir, 'keys'), 0o700);
    // Written under a temporary name, then renamed: a reader never sees half a key.
    const tmp = path.join(dir, `.${kid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, path.join(dir, `${kid}.json`));
    this.cache.delete(purpose.name);
    return this.current(purpose.name);
  }

  private load(purpose: string): PlatformKey[] {
    const dir = this.dir(purpose);
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(dir).mtimeMs;
    } catch {
      return [];
    }
    const cached = this.cache.get(purpose);
    if (cached && cached.mtimeMs === mtimeMs) return cached.keys;
    const keys = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .map((f) => readKey(path.join(dir, f), purpose))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.kid.localeCompare(a.kid));
    this.cache.set(purpose, { mtimeMs, keys });
    return keys;
  }
}

function readKey(file: string, purpose: string): PlatformKey {
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredKey;
  const privateKey = crypto.createPrivateKey({ key: stored.privateJwk, format: 'jwk' });
  return {
    kid: stored.kid,
    purpose,
    alg: stored.alg,
    createdAt: stored.createdAt,
    privateKey,
    publicKey: crypto.createPublicKey(privateKey),
  };
}
