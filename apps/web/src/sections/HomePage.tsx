import { Badge } from '../design/components/Badge';
import { Card } from '../design/components/Card';
import { Icon } from '../design/components/Icon';
import { useI18n } from '../i18n/i18n';
import { sections } from '../app/sections';
import { useSession } from '../session/session';
import { ProfileCard } from './ProfileCard';

export function HomePage() {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <div className="stack">
      <section aria-labelledby="welcome">
        <h1 id="welcome">{t('home.greeting')}</h1>
        <p className="muted">{t('home.intro')}</p>
      </section>
      {session && <ProfileCard />}
      <section aria-labelledby="sections">
        <h2 id="sections">{t('home.sections')}</h2>
        <ul className="tiles">
          {sections.map((s) => (
            <li key={s.id}>
              <Card to={s.path} quiet={!s.available} className="tile">
                <span className="tile__icon">
                  <Icon name={s.id} />
                </span>
                <h3 className="tile__title">{t(s.title)}</h3>
                {s.available ? <Badge tone="success">{t('home.available')}</Badge> : <Badge tone="pending">{t('status.soon')}</Badge>}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
