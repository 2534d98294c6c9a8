import { verifyEntries, type ProvenEntry, type SignedCheckpoint } from '@deed/access-log';
import { ed25519 } from '@noble/curves/ed25519.js';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { Badge } from '../design/components/Badge';
import { Card } from '../design/components/Card';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

interface CitizenLog {
  checkpoint: SignedCheckpoint & { size: number };
  entries: ProvenEntry[];
}

type Verification =
  { state: 'checking' } | { state: 'verified'; size: number } | { state: 'failed'; seq: number | undefined; reason: string };

/** Ed25519 in pure JavaScript (audited noble), so every browser can check the log. */
const verifySignature = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) =>
  ed25519.verify(signature, message, publicKey);

/**
 * "My data log": everyone who accessed the citizen's data. The device itself checks that
 * each entry, exactly as shown, is in the log the platform signed.
 */
export function AccessLogPage() {
  const { t, lookup, formatDateTime } = useI18n();
  const { session } = useSession();
  const [log, setLog] = useState<CitizenLog | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [verification, setVerification] = useState<Verification>({ state: 'checking' });

  useEffect(() => {
    if (!session) return;
    const controller = new AbortController();
    api<CitizenLog>('/api/me/access-log', { signal: controller.signal })
      .then(async (fetched) => {
        setLog(fetched);
        try {
          const { size } = await verifyEntries(fetched.checkpoint, fetched.entries, verifySignature);
          setVerification({ state: 'verified', size });
        } catch (failure) {
          const seq = (failure as { seq?: number }).seq;
          setVerification({ state: 'failed', seq, reason: (failure as Error).message });
        }
      })
      .catch((failure: Error) => {
        if (!controller.signal.aborted) setError(failure.message);
      });
    return () => controller.abort();
  }, [session]);

  if (session === null) {
    return (
      <Card>
        <h1>{t('section.log.title')}</h1>
        <p>{t('log.signInNeeded')}</p>
        <Link className="button button--primary" to="/sign-in?next=/log">
          {t('signIn.action')}
        </Link>
      </Card>
    );
  }
  const label = (kind: string, id: string) => lookup(`${kind}.${id}`) ?? id;
  const status = (seq: number) =>
    verification.state === 'checking' ? (
      <Badge tone="pending">{t('log.checking')}</Badge>
    ) : verification.state === 'verified' ? (
      <Badge tone="success">✓ {t('log.verified')}</Badge>
    ) : verification.seq === undefined || verification.seq === seq ? (
      <Badge tone="danger">{t('log.failed')}</Badge>
    ) : (
      <Badge tone="pending">{t('log.unchecked')}</Badge>
    );

  return (
    <div className="stack">
      <h1>{t('section.log.title')}</h1>
      <p className="muted">{t('log.intro')}</p>
      {error && (
        <Card>
          <p role="alert">{error}</p>
        </Card>
      )}
      {log && (
        <Card quiet>
          <p data-testid="log-verification" role="status">
            {verification.state === 'verified'
              ? t('log.allVerified', { count: log.entries.length, size: verification.size })
              : verification.state === 'failed'
                ? t('log.someFailed')
                : t('log.checking')}
          </p>
        </Card>
      )}
      {log && log.entries.length === 0 && <p>{t('log.empty')}</p>}
      {log && log.entries.length > 0 && (
        <ol className="log" aria-label={t('section.log.title')}>
          {log.entries.map((entry) => (
            <li key={entry.seq} className="card log__entry" data-testid="log-entry">
              <div className="log__head">
                <strong>{label('actor', entry.event.actor)}</strong>
                {status(entry.seq)}
              </div>
              <dl className="facts">
                <dt>{t('log.when')}</dt>
                <dd>
                  <time dateTime={entry.event.at}>{formatDateTime(entry.event.at)}</time>
                </dd>
                <dt>{t('log.what')}</dt>
                <dd>{label('action', entry.event.action)}</dd>
                <dt>{t('log.why')}</dt>
                <dd>{label('purpose', entry.event.purpose)}</dd>
                {entry.event.caseId && (
                  <>
                    <dt>{t('log.case')}</dt>
                    <dd>
                      <code>{entry.event.caseId}</code>
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
