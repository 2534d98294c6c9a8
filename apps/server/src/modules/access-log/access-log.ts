import crypto from 'node:crypto';
import { commitment, type AccessEvent, type ProvenEntry, type SignedCheckpoint } from '@deed/access-log';
import {
  appendNodes,
  base64Encode,
  consistencyProof,
  consistencyProofNodes,
  emptyRoot,
  formatVerifierKey,
  inclusionProof,
  inclusionProofNodes,
  leafHash,
  rootNodes,
  signCheckpoint,
  treeRoot,
  type NodeGetter,
  type NodeId,
} from '@deed/merkle';
import type { Kysely, Transaction } from 'kysely';
import { Batcher } from '../../platform/batcher.js';
import { rawPublicKey } from '../../platform/keys/ed25519.js';
import type { KeyStore, PlatformKey } from '../../platform/keys/key-store.js';
import type { AccessLogTables } from './access-log.tables.js';

/** The log's identity in its checkpoints (C2SP origin line, and the signing key's name). */
export const ACCESS_LOG_ORIGIN = 'deed/access-log';

/** Largest group commit: one transaction, one checkpoint. */
const MAX_BATCH = 2000;

export type NewAccessEvent = Omit<AccessEvent, 'at'> & { at?: string };

export interface CitizenLog {
  checkpoint: SignedCheckpoint & { size: number };
  entries: ProvenEntry[];
}

const key = (level: number, index: number) => `${level}:${index}`;

/**
 * The citizens' access log: an append-only RFC 9162 tree of salted commitments to access
 * events, with signed checkpoints. Appends from one process are batched into one transaction
 * each; appenders on other nodes are serialized by the head row they update first.
 */
export class AccessLog {
  readonly #appends = new Batcher<AccessEvent, number>((events) => this.#write(events), MAX_BATCH);

  constructor(
    private readonly db: Kysely<AccessLogTables>,
    private readonly keys: KeyStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records an access; resolves with its position in the log once committed and checkpointed. */
  append(event: NewAccessEvent): Promise<number> {
    return this.#appends.submit({ ...event, at: event.at ?? this.now().toISOString() });
  }

  /** Resolves when everything appended so far is committed. */
  drain(): Promise<void> {
    return this.#appends.drain();
  }

  async #write(events: AccessEvent[]): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('access_log_head')
        .set((eb) => ({ size: eb.ref('size') }))
        .where('id', '=', 1)
        .execute();
      const { size } = await trx.selectFrom('access_log_head').select('size').where('id', '=', 1).executeTakeFirstOrThrow();
      const nodes = await this.#loadNodes(trx, rootNodes(size));
      const get: NodeGetter = (level, index) => nodes.get(key(level, index))!;
      const entryRows: AccessLogTables['access_log_entries'][] = [];
      const nodeRows: AccessLogTables['access_log_nodes'][] = [];
      events.forEach((event, i) => {
        const salt = crypto.randomBytes(32);
        for (const node of appendNodes(size + i, leafHash(commitment(event, salt)), get)) {
          nodes.set(key(node.level, node.index), node.hash);
          nodeRows.push({ level: node.level, idx: node.index, hash: Buffer.from(node.hash).toString('hex') });
        }
        entryRows.push({
          seq: size + i,
          citizen: event.citizen,
          at: event.at,
          actor: event.actor,
          action: event.action,
          purpose: event.purpose,
          case_id: event.caseId ?? null,
          salt: salt.toString('base64'),
        });
      });
      // Chunked so no statement exceeds SQLite's bound-parameter limit.
      for (let i = 0; i < entryRows.length; i += 500)
        await trx
          .insertInto('access_log_entries')
          .values(entryRows.slice(i, i + 500))
          .execute();
      for (let i = 0; i < nodeRows.length; i += 1000)
        await trx
          .insertInto('access_log_nodes')
          .values(nodeRows.slice(i, i + 1000))
          .execute();
      const newSize = size + events.length;
      const signer = this.keys.current('checkpoint');
      const note = await this.#sign(newSize, treeRoot(newSize, get), signer);
      await trx
        .insertInto('access_log_checkpoints')
        .values({ size: newSize, note, kid: signer.kid, created_at: this.now().toISOString() })
        .execute();
      await trx.updateTable('access_log_head').set({ size: newSize }).where('id', '=', 1).execute();
      return events.map((_, i) => size + i);
    });
  }

  #sign(size: number, root: Uint8Array, signer: PlatformKey): Promise<string> {
    return signCheckpoint({ origin: ACCESS_LOG_ORIGIN, size, root }, ACCESS_LOG_ORIGIN, rawPublicKey(signer.publicKey), (message) =>
      crypto.sign(null, message, signer.privateKey),
    );
  }

  async #loadNodes(db: Kysely<AccessLogTables> | Transaction<AccessLogTables>, ids: readonly NodeId[]): Promise<Map<string, Uint8Array>> {
    const byLevel = new Map<number, Set<number>>();
    for (const id of ids) {
      let set = byLevel.get(id.level);
      if (!set) byLevel.set(id.level, (set = new Set()));
      set.add(id.index);
    }
    const found = new Map<string, Uint8Array>();
    if (byLevel.size === 0) return found;
    const rows = await db
      .selectFrom('access_log_nodes')
      .selectAll()
      .where((eb) => eb.or([...byLevel].map(([level, idxs]) => eb.and([eb('level', '=', level), eb('idx', 'in', [...idxs])]))))
      .execute();
    for (const row of rows) found.set(key(row.level, row.idx), new Uint8Array(Buffer.from(row.hash, 'hex')));
    return found;
  }

  /** The latest signed checkpoint, with the key that verifies it. */
  async checkpoint(): Promise<SignedCheckpoint & { size: number }> {
    const latest = await this.db.selectFrom('access_log_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
    if (latest) return this.#signed(latest.size, latest.note, latest.kid);
    const signer = this.keys.current('checkpoint');
    return this.#published(0, await this.#sign(0, emptyRoot(), signer), signer);
  }

  /** A stored checkpoint with the key that verifies it. */
  #signed(size: number, note: string, kid: string): SignedCheckpoint & { size: number } {
    const signer = this.keys.find(kid);
    if (!signer) throw new Error(`checkpoint key ${kid} is missing from the key store`);
    return this.#published(size, note, signer);
  }

  #published(size: number, note: string, signer: PlatformKey): SignedCheckpoint & { size: number } {
    return { note, origin: ACCESS_LOG_ORIGIN, verifierKey: formatVerifierKey(ACCESS_LOG_ORIGIN, rawPublicKey(signer.publicKey)), size };
  }

  /** A citizen's own entries, newest first, each with its inclusion proof against the latest checkpoint. */
  async entriesFor(citizen: string, options: { limit: number; beforeSeq?: number }): Promise<CitizenLog> {
    // One round trip for the entries and the latest checkpoint, which covers every one of them.
    const latest = this.db.selectFrom('access_log_checkpoints').select(['size', 'note', 'kid']).orderBy('size', 'desc').limit(1).as('c');
    let query = this.db
      .selectFrom(['access_log_entries as e', latest])
      .selectAll('e')
      .select(['c.size as checkpointSize', 'c.note as checkpointNote', 'c.kid as checkpointKid'])
      .where('e.citizen', '=', citizen)
      .whereRef('e.seq', '<', 'c.size');
    if (options.beforeSeq !== undefined) query = query.where('e.seq', '<', options.beforeSeq);
    const rows = await query.orderBy('e.seq', 'desc').limit(options.limit).execute();
    const first = rows[0];
    const checkpoint = first ? this.#signed(first.checkpointSize, first.checkpointNote, first.checkpointKid) : await this.checkpoint();
    const nodes = await this.#loadNodes(
      this.db,
      rows.flatMap((row) => inclusionProofNodes(row.seq, checkpoint.size)),
    );
    const get: NodeGetter = (level, index) => nodes.get(key(level, index))!;
    return {
      checkpoint,
      entries: rows.map((row) => ({
        seq: row.seq,
        event: {
          citizen: row.citizen,
          at: row.at,
          actor: row.actor,
          action: row.action,
          purpose: row.purpose,
          ...(row.case_id ? { caseId: row.case_id } : {}),
        },
        salt: row.salt,
        proof: inclusionProof(row.seq, checkpoint.size, get).map((h) => base64Encode(h)),
      })),
    };
  }

  /** RFC 9162 consistency proof between two tree sizes, as base64 hashes. */
  async consistency(from: number, to: number): Promise<string[]> {
    const nodes = await this.#loadNodes(this.db, consistencyProofNodes(from, to));
    return consistencyProof(from, to, (level, index) => nodes.get(key(level, index))!).map((h) => base64Encode(h));
  }
}
