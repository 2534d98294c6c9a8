import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { Button } from '../design/components/Button';
import { Card } from '../design/components/Card';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

interface DemoCitizen {
  unzr: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  dateOfBirth: string;
}

const PAGE = 12;

/** Demo mode: sign in as a synthetic citizen. (Passkeys and a bank replace it in the identity issue.) */
export function SignInPage() {
  const { t, formatDate } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [people, setPeople] = useState<DemoCitizen[]>([]);
  const [total, setTotal] = useState(0);
  const [unavailable, setUnavailable] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();

  const load = (offset: number) =>
    api<{ people: DemoCitizen[]; total: number }>(`/api/demo/citizens?limit=${PAGE}&offset=${offset}`)
      .then((page) => {
        setPeople((before) => [...before, ...page.people]);
        setTotal(page.total);
      })
      .catch(() => setUnavailable(true));

  useEffect(() => {
    void load(0);
  }, []);

  const signIn = async (citizen: string) => {
    setBusy(citizen);
    try {
      await api('/api/demo/sign-in', { method: 'POST', body: { citizen } });
      await refresh();
      const next = params.get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="stack">
      <h1>{t('signIn.title')}</h1>
      {unavailable ? (
        <Card>
          <p>{t('signIn.unavailable')}</p>
        </Card>
      ) : (
        <>
          <p className="muted">{t('signIn.demoIntro')}</p>
          <ul className="people">
            {people.map((p) => (
              <li key={p.unzr}>
                <Card className="person">
                  <div>
                    <strong>
                      {p.lastName} {p.firstName} {p.patronymic}
                    </strong>
                    <div className="muted">
                      {formatDate(p.dateOfBirth)} · <code>{p.unzr}</code>
                    </div>
                  </div>
                  <Button variant="secondary" disabled={busy !== undefined} onClick={() => void signIn(p.unzr)}>
                    {t('signIn.as', { name: p.firstName })}
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
          {people.length < total && (
            <Button variant="ghost" onClick={() => void load(people.length)}>
              {t('signIn.more')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
