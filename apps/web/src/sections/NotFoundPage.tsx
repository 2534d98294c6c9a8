import { Link } from 'react-router';
import { Card } from '../design/components/Card';
import { useI18n } from '../i18n/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Card>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link to="/">{t('nav.back')}</Link>
    </Card>
  );
}
