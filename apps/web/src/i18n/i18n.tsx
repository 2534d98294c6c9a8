import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, uk, type MessageKey, type Messages } from './messages';

export const languages = {
  uk: { name: 'Українська', short: 'УКР', messages: uk },
  en: { name: 'English', short: 'ENG', messages: en },
} as const;
export type Language = keyof typeof languages;

const STORAGE_KEY = 'deed.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && value in languages;
}

/** The saved choice, else the first browser language the app speaks, else Ukrainian. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'uk';
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The message, with `{name}` placeholders filled from `values`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A message whose key is built at run time (e.g. an actor's id); undefined when there is none. */
  lookup(key: string): string | undefined;
  /** Dates and times in the reader's language. */
  formatDateTime(iso: string): string;
  formatDate(isoDate: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages: Messages = languages[language].messages;
    const locale = language === 'uk' ? 'uk-UA' : 'en-GB';
    return {
      language,
      setLanguage,
      t: (key, values) =>
        values ? messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : messages[key],
      lookup: (key) => (key in messages ? messages[key as MessageKey] : undefined),
      formatDateTime: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
      formatDate: (isoDate) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`)),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside I18nProvider');
  return context;
}
