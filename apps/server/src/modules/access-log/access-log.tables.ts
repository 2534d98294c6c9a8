/** The access-log module's tables; no other module reads them. */
export interface AccessLogTables {
  /** One row (id 1): the tree size. Appenders update it first, which serializes them across nodes. */
  access_log_head: { id: number; size: number };
  /** One row per access: what the citizen reads, with the salt of its commitment. */
  access_log_entries: {
    seq: number;
    citizen: string;
    at: string;
    actor: string;
    action: string;
    purpose: string;
    case_id: string | null;
    /** base64 */
    salt: string;
  };
  /** Hashes of the tree's complete subtrees, hex, addressed by (level, index): proofs never rebuild the tree. */
  access_log_nodes: {
    level: number;
    idx: number;
    hash: string;
  };
  /** Signed checkpoints (C2SP notes), one per committed batch. */
  access_log_checkpoints: {
    size: number;
    note: string;
    kid: string;
    created_at: string;
  };
}
