export interface SessionsTables {
  /** A signed-in citizen on one browser. Only a hash of the token is kept: a database leak signs nobody in. */
  sessions: {
    id_hash: string;
    citizen: string;
    method: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
  };
}
