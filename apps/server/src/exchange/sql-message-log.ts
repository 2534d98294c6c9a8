import { nextLogEntry, verifyLog, type LogEntry, type LogRecord, type LogVerification, type MessageLogSink } from '@deed/exchange';
import type { Kysely } from 'kysely';
import { Batcher } from '../platform/batcher.js';
import type { ExchangeStorageTables } from './storage.tables.js';

type Row = ExchangeStorageTables['exchange_message_log'];

export interface MessageLogEntry extends LogEntry {
  client: string;
  provider: string;
  service: string;
  purpose: string;
  caseId: string;
  requestId: string;
  status: string;
}

const toEntry = (row: Row): MessageLogEntry => ({
  seq: row.seq,
  at: row.at,
  direction: row.direction,
  requestJws: row.request_jws,
  responseJws: row.response_jws,
  prevHash: row.prev_hash,
  hash: row.hash,
  client: row.client,
  provider: row.provider,
  service: row.service,
  purpose: row.purpose,
  caseId: row.case_id,
  requestId: row.request_id,
  status: row.status,
});

/**
 * A member's message log in its own database. Appends are group-committed (Batcher), chained
 * in order: concurrent calls cost one transaction per batch rather than one each.
 */
export class SqlMessageLog implements MessageLogSink {
  readonly #appends = new Batcher<LogRecord, void>(async (records) => {
    await this.#write(records);
    return [];
  }, 500);

  constructor(private readonly db: Kysely<ExchangeStorageTables>) {}

  append(record: LogRecord): Promise<void> {
    return this.#appends.submit(record);
  }

  drain(): Promise<void> {
    return this.#appends.drain();
  }

  async #write(records: LogRecord[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('exchange_message_log_head')
        .set((eb) => ({ seq: eb.ref('seq') }))
        .where('id', '=', 1)
        .execute();
      const head = await trx.selectFrom('exchange_message_log_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
      // nextLogEntry needs only the previous seq and hash.
      let prev = head.seq === 0 ? undefined : ({ seq: head.seq, hash: head.hash } as LogEntry);
      const rows: Row[] = records.map((record) => {
        const entry = nextLogEntry(prev, record);
        prev = entry;
        return {
          seq: entry.seq,
          at: entry.at,
          direction: entry.direction,
          request_jws: entry.requestJws,
          response_jws: entry.responseJws,
          prev_hash: entry.prevHash,
          hash: entry.hash,
          client: record.request.client,
          provider: record.request.provider,
          service: record.request.service,
          purpose: record.request.purpose,
          case_id: record.request.caseId,
          request_id: record.request.requestId,
          status: record.response?.status ?? 'no-response',
        };
      });
      await trx.insertInto('exchange_message_log').values(rows).execute();
      await trx.updateTable('exchange_message_log_head').set({ seq: prev!.seq, hash: prev!.hash }).where('id', '=', 1).execute();
    });
  }

  /** Entries of one case, oldest first. */
  async byCase(caseId: string, limit = 100): Promise<MessageLogEntry[]> {
    const rows = await this.db
      .selectFrom('exchange_message_log')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toEntry);
  }

  /** Walks the whole chain and checks it against the head row (which catches a truncated tail). */
  async verify(): Promise<LogVerification> {
    const head = await this.db
      .selectFrom('exchange_message_log_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const entries: LogEntry[] = [];
    for (let after = 0; ;) {
      const rows = await this.db
        .selectFrom('exchange_message_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) entries.push(toEntry(row));
      after = rows[rows.length - 1]!.seq;
    }
    return verifyLog(entries, head.seq > 0 ? { anchors: [{ seq: head.seq, hash: head.hash }] } : {});
  }
}
