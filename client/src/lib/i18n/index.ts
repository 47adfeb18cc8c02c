import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

/** Language from `?lang=`, then the last choice (localStorage), then the browser; zh* → zh-CN, else English. */
export function initI18n(lng?: Language) {
  if (i18n.isInitialized) {
    if (lng && i18n.language !== lng) void i18n.changeLanguage(lng);
    return i18n;
  }
  const instance = i18n.use(initReactI18next);
  if (!lng) instance.use(LanguageDetector);
  void instance.init({
    resources,
    ...(lng ? { lng } : {}),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: 'floorwatch.lang',
      caches: ['localStorage'],
    },
  });
  return i18n;
}

export function currentLanguage(): Language {
  const l = i18n.resolvedLanguage ?? i18n.language;
  return l === 'zh-CN' || l?.startsWith('zh') ? 'zh-CN' : 'en';
}

export function setLanguage(lng: Language): void {
  void i18n.changeLanguage(lng);
}

/** Translates a state, reason or alert kind, falling back to the raw word for one not in the list. */
export function knownKey(prefix: 'state' | 'reason' | 'alertKind' | 'severity' | 'commandName', value: string): string {
  return `${prefix}.${value.replace(/\./g, '_')}`;
}
