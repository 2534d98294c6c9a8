import { languages, useI18n, type Language } from '../i18n/i18n';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('lang.label')}>
      {(Object.keys(languages) as Language[]).map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={code === language} onClick={() => setLanguage(code)}>
          {languages[code].short}
          <span className="visually-hidden"> {languages[code].name}</span>
        </button>
      ))}
    </div>
  );
}
