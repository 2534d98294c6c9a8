/**
 * What every exchange member keeps in its own database: its message log (a hash chain of the
 * signed pairs it sent or answered) and, as a provider, the request ids it has seen.
 */
export interface ExchangeStorageTables {
  exchange_message_log: {
    seq: number;
    at: number;
    direction: 'in' | 'out';
    request_jws: string;
    response_jws: string | null;
    prev_hash: string;
    hash: string;
    /** Copied from the signed request, to search without parsing every JWS. */
    client: string;
    provider: string;
    service: string;
    purpose: string;
    case_id: string;
    request_id: string;
    status: string;
  };
  /** One row (id 1): the chain's head. Appenders update it first, which serializes them across nodes. */
  exchange_message_log_head: { id: number; seq: number; hash: string };
  exchange_replay: { client: string; request_id: string; expires_at: number };
}
