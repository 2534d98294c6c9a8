import { Badge } from '../design/components/Badge';
import { Button } from '../design/components/Button';
import { Card } from '../design/components/Card';
import { TextField } from '../design/components/TextField';
import { useI18n } from '../i18n/i18n';

const colours = [
  '--color-ink',
  '--color-ink-muted',
  '--color-primary',
  '--color-primary-strong',
  '--color-accent',
  '--color-surface-sunken',
  '--color-success',
  '--color-danger',
];

/** The design system on one page, for the people who build Deed's screens (at /design). */
export function DesignPage() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('design.title')}</h1>
      <p className="muted">{t('design.intro')}</p>
      <Card>
        <h2>{t('design.colours')}</h2>
        <div className="swatches">
          {colours.map((name) => (
            <div className="swatch" key={name}>
              <span style={{ background: `var(${name})` }} />
              <code>{name.replace('--color-', '')}</code>
            </div>
          ))}
        </div>
      </Card>
      <Card>
        <h2>{t('design.type')}</h2>
        <h3>{t('design.sample.heading')}</h3>
        <p>{t('design.sample.body')}</p>
        <p className="muted">{t('design.sample.body')}</p>
      </Card>
      <Card>
        <h2>{t('design.buttons')}</h2>
        <div className="swatches">
          <Button>{t('design.sample.primary')}</Button>
          <Button variant="secondary">{t('design.sample.secondary')}</Button>
          <Button variant="ghost">{t('design.sample.secondary')}</Button>
        </div>
      </Card>
      <Card>
        <h2>{t('design.cards')}</h2>
        <div className="stack">
          <Badge tone="success">{t('home.available')}</Badge> <Badge tone="pending">{t('status.soon')}</Badge>{' '}
          <Badge tone="danger">{t('status.offline')}</Badge>
          <Card quiet>{t('design.sample.body')}</Card>
        </div>
      </Card>
      <Card>
        <h2>{t('design.forms')}</h2>
        <div className="stack">
          <TextField label={t('design.sample.field')} hint={t('design.sample.hint')} inputMode="numeric" autoComplete="off" />
          <TextField label={t('design.sample.field')} defaultValue="19900101-00010" error={t('design.sample.error')} autoComplete="off" />
        </div>
      </Card>
    </div>
  );
}
