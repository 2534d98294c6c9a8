import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { Card } from '../design/components/Card';
import { useI18n } from '../i18n/i18n';

interface Profile {
  unzr: string;
  rnokpp: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  dateOfBirth: string;
  address: {
    postcode: string;
    region: string;
    settlementType: string;
    settlement: string;
    streetType: string;
    street: string;
    building: string;
    apartment: string | null;
  } | null;
  family: { relation: string; unzr: string; lastName: string; firstName: string; patronymic: string }[];
}

/** The signed-in citizen's record, fetched live from the Population register each time it is shown. */
export function ProfileCard() {
  const { t, lookup, formatDate } = useI18n();
  const [profile, setProfile] = useState<Profile | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    api<Profile>('/api/me/profile', { signal: controller.signal })
      .then(setProfile)
      .catch((failure: Error) => {
        if (!controller.signal.aborted) setError(failure.message);
      });
    return () => controller.abort();
  }, []);
  if (error) return <Card>{error}</Card>;
  if (!profile) return <Card quiet>{t('log.checking')}</Card>;
  const a = profile.address;
  return (
    <Card>
      <h2>{t('profile.title')}</h2>
      <p className="muted">{t('profile.source')}</p>
      <p data-testid="profile-name">
        <strong>
          {profile.lastName} {profile.firstName} {profile.patronymic}
        </strong>
      </p>
      <dl className="facts">
        <dt>{t('profile.unzr')}</dt>
        <dd>
          <code>{profile.unzr}</code>
        </dd>
        <dt>{t('profile.rnokpp')}</dt>
        <dd>
          <code>{profile.rnokpp}</code>
        </dd>
        <dt>{t('profile.born')}</dt>
        <dd>{formatDate(profile.dateOfBirth)}</dd>
        <dt>{t('profile.address')}</dt>
        <dd>
          {a
            ? `${a.postcode}, ${a.region}, ${a.settlementType} ${a.settlement}, ${a.streetType} ${a.street}, ${a.building}${a.apartment ? `, ${a.apartment}` : ''}`
            : t('profile.none')}
        </dd>
        <dt>{t('profile.family')}</dt>
        <dd>
          {profile.family.length
            ? profile.family.map((f) => `${f.firstName} ${f.lastName} (${lookup(`relation.${f.relation}`) ?? f.relation})`).join(', ')
            : t('profile.none')}
        </dd>
      </dl>
      <p>
        <Link to="/log">{t('profile.seeLog')} →</Link>
      </p>
    </Card>
  );
}
