import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

type Health = { state: 'checking' } | { state: 'online'; database: string } | { state: 'offline' };

/** Shows whether this device can reach the platform right now, from GET /health. */
export function PlatformStatus() {
  const { t } = useI18n();
  const [health, setHealth] = useState<Health>({ state: 'checking' });
  useEffect(() => {
    const controller = new AbortController();
    fetch('/health', { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { database: string };
        setHealth({ state: 'online', database: body.database === 'postgres' ? 'PostgreSQL' : 'SQLite' });
      })
      .catch(() => {
        if (!controller.signal.aborted) setHealth({ state: 'offline' });
      });
    return () => controller.abort();
  }, []);
  return (
    <span role="status" data-testid="platform-status">
      <span className={`dot${health.state === 'online' ? ' dot--ok' : health.state === 'offline' ? ' dot--bad' : ''}`} aria-hidden="true" />{' '}
      {t('status.platform')}:{' '}
      {health.state === 'online' ? `${t('status.online')} · ${t('status.database')} ${health.database}` : t(`status.${health.state}`)}
    </span>
  );
}
