/**
 * Seeded randomness. Everything here is 32-bit integer arithmetic (Math.imul, >>> 0) plus
 * IEEE-754 + - * /, which every JavaScript engine evaluates identically; no Math.random,
 * no transcendental functions (their last bits may differ between engines).
 */

/** FNV-1a over the UTF-16 code units of a string, then a splitmix32 finaliser. */
export function hashString(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mix32(h);
}

/** splitmix32's output function: a bijective avalanche on 32-bit integers. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
  return (z ^ (z >>> 15)) >>> 0;
}

/** Hash a list of 32-bit integers into one (order-sensitive). */
export function hashInts(...values: number[]): number {
  let h = 0x2545f491;
  for (const v of values) h = mix32((h ^ (v >>> 0)) >>> 0) ^ Math.imul(h, 0x27d4eb2d);
  return mix32(h >>> 0);
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 128-bit state. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string, stream = 0) {
    const s = typeof seed === 'number' ? hashInts(seed >>> 0, Math.floor(seed / 4294967296) >>> 0) : hashString(seed);
    this.a = mix32(s ^ stream);
    this.b = mix32(this.a ^ 0x6a09e667);
    this.c = mix32(this.b ^ 0xbb67ae85);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Next uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1), a multiple of 2^-32 (exact in a double). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    const span = hi - lo + 1;
    if (span <= 0) return lo;
    return lo + Math.floor((this.u32() * span) / 4294967296);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Index chosen with the given non-negative weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Pick from [item, weight] pairs. */
  pickWeighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const pair = pairs[this.weighted(pairs.map((p) => p[1]))];
    if (pair === undefined) throw new RangeError('pick from an empty list');
    return pair[0];
  }
}

/**
 * A keyed bijection on [0, size): a balanced Feistel network on the smallest even-bit
 * power of two >= size, with cycle walking. Used to turn counters into identifiers that
 * look random but can never collide, without remembering the ones already issued.
 * size must be <= 2^32.
 */
export class Permutation {
  private readonly half: number;
  private readonly halfSize: number;
  private readonly keys: number[];

  constructor(
    readonly size: number,
    key: number,
  ) {
    if (!(size >= 1 && size <= 4294967296)) throw new RangeError('permutation size out of range');
    let bits = 2;
    while (2 ** bits < size) bits += 2;
    this.half = bits / 2;
    this.halfSize = 2 ** this.half;
    this.keys = [mix32(key), mix32(key ^ 0x1b873593), mix32(key ^ 0xcc9e2d51), mix32(key ^ 0xe6546b64)];
  }

  apply(index: number): number {
    if (!(index >= 0 && index < this.size)) throw new RangeError('permutation index out of range');
    let x = index;
    do {
      x = this.round(x);
    } while (x >= this.size);
    return x;
  }

  private round(x: number): number {
    const m = this.halfSize;
    let left = Math.floor(x / m);
    let right = x % m;
    for (const k of this.keys) {
      const f = mix32((right ^ k) >>> 0) % m;
      const next = (left ^ f) >>> 0;
      left = right;
      right = next % m;
    }
    return left * m + right;
  }
}
