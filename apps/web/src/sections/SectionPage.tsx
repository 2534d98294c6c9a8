import { Link } from 'react-router';
import { Badge } from '../design/components/Badge';
import { Card } from '../design/components/Card';
import { Icon } from '../design/components/Icon';
import { useI18n } from '../i18n/i18n';
import type { Section } from '../app/sections';

/** A section that does not work yet: says what it will do, and that it is not there yet. */
export function SectionPage({ section }: { section: Section }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <Link to="/">← {t('nav.back')}</Link>
      <Card>
        <span className="tile__icon">
          <Icon name={section.id} />
        </span>
        <h1>{t(section.title)}</h1>
        <p>{t(section.text)}</p>
        <Badge tone="pending">{t('status.soon')}</Badge>
        <p className="muted">{t('status.soonLong')}</p>
      </Card>
    </div>
  );
}
