import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, logEntryHash, nextLogEntry, verifyLog, type LogEntry } from './index.js';

function chain(length: number): LogEntry[] {
  const entries: LogEntry[] = [];
  for (let i = 0; i < length; i++) {
    entries.push(
      nextLogEntry(entries.at(-1), {
        at: 1_700_000_000_000 + i,
        direction: i % 2 === 0 ? 'in' : 'out',
        requestJws: `request.${i}.sig`,
        responseJws: i === 3 ? null : `response.${i}.sig`,
      }),
    );
  }
  return entries;
}

/** Re-hashes an entry after it was changed, as someone covering their tracks would. */
const rehash = (entry: LogEntry): LogEntry => ({ ...entry, hash: logEntryHash(entry) });

describe('message log', () => {
  it('links entries from the genesis hash, with a documented encoding', () => {
    const [first, second] = chain(2) as [LogEntry, LogEntry];
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(Buffer.from(GENESIS_HASH, 'base64url')).toEqual(Buffer.alloc(32));
    expect(second.prevHash).toBe(first.hash);
    // The encoding in docs/exchange.md, byte for byte.
    const u64 = (n: number) => {
      const b = Buffer.alloc(8);
      b.writeBigUInt64BE(BigInt(n));
      return b;
    };
    const u32 = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(n);
      return b;
    };
    const expected = createHash('sha256')
      .update(
        Buffer.concat([
          Buffer.from('deed-exchange-log/v1'),
          u64(1),
          u64(1_700_000_000_000),
          Buffer.of(1),
          u32('request.0.sig'.length),
          Buffer.from('request.0.sig'),
          Buffer.of(1),
          u32('response.0.sig'.length),
          Buffer.from('response.0.sig'),
          Buffer.alloc(32),
        ]),
      )
      .digest('base64url');
    expect(first.hash).toBe(expected);
  });

  it('verifies an intact chain, and an empty one', () => {
    const entries = chain(6);
    expect(verifyLog(entries)).toEqual({ ok: true, count: 6, head: { seq: 6, hash: entries[5]!.hash } });
    expect(verifyLog([])).toEqual({ ok: true, count: 0, head: undefined });
    // A segment, continuing from a known entry (e.g. after older entries were archived).
    expect(verifyLog(entries.slice(3), { after: { seq: 3, hash: entries[2]!.hash } })).toMatchObject({ ok: true, count: 3 });
  });

  it('detects a deleted entry', () => {
    const entries = chain(6);
    const deleted = entries.filter((e) => e.seq !== 3);
    expect(verifyLog(deleted)).toMatchObject({ ok: false, seq: 4, reason: 'seq' });
    // Deleted and the rest renumbered: the seq is in the hash, so renumbered entries no longer match.
    const renumbered = deleted.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyLog(renumbered)).toMatchObject({ ok: false, seq: 3, reason: 'prev-hash' });
    // The first entry deleted.
    expect(verifyLog(entries.slice(1))).toMatchObject({ ok: false, seq: 2, reason: 'seq' });
  });

  it('detects an altered entry', () => {
    const entries = chain(6);
    const altered = entries.map((e) => (e.seq === 2 ? { ...e, responseJws: 'response.forged.sig' } : e));
    expect(verifyLog(altered)).toMatchObject({ ok: false, seq: 2, reason: 'hash' });
    const retimed = entries.map((e) => (e.seq === 5 ? { ...e, at: e.at + 1 } : e));
    expect(verifyLog(retimed)).toMatchObject({ ok: false, seq: 5, reason: 'hash' });
    const redirected = entries.map((e) => (e.seq === 1 ? { ...e, direction: 'out' as const } : e));
    expect(verifyLog(redirected)).toMatchObject({ ok: false, seq: 1, reason: 'hash' });
    // A null response is not an empty one.
    const emptied = entries.map((e) => (e.seq === 4 ? { ...e, responseJws: '' } : e));
    expect(verifyLog(emptied)).toMatchObject({ ok: false, seq: 4, reason: 'hash' });
    // Altered and re-hashed: the next entry's link breaks.
    const covered = entries.map((e) => (e.seq === 2 ? rehash({ ...e, responseJws: 'response.forged.sig' }) : e));
    expect(verifyLog(covered)).toMatchObject({ ok: false, seq: 3, reason: 'prev-hash' });
  });

  it('detects a rewritten tail or a truncation only against an anchor', () => {
    const entries = chain(6);
    const anchor = { seq: 5, hash: entries[4]!.hash };
    // Rewritten from entry 4 on, every hash recomputed: consistent with itself...
    const rewritten: LogEntry[] = entries.slice(0, 3);
    for (const e of entries.slice(4)) rewritten.push(nextLogEntry(rewritten.at(-1), e));
    expect(verifyLog(rewritten).ok).toBe(true);
    // ...but not with a hash recorded elsewhere.
    expect(verifyLog(rewritten, { anchors: [anchor] })).toMatchObject({ ok: false, seq: 5, reason: 'anchor' });
    expect(verifyLog(entries.slice(0, 4), { anchors: [anchor] })).toMatchObject({ ok: false, seq: 5, reason: 'anchor' });
    expect(verifyLog(entries, { anchors: [anchor] }).ok).toBe(true);
  });

  it('reports malformed entries', () => {
    const entries = chain(3);
    const bad = entries.map((e) => (e.seq === 2 ? { ...e, hash: 'not a hash' } : e));
    expect(verifyLog(bad)).toMatchObject({ ok: false, seq: 2, reason: 'malformed' });
    expect(() => nextLogEntry(undefined, { at: -1, direction: 'in', requestJws: 'a', responseJws: null })).toThrow(TypeError);
  });
});
