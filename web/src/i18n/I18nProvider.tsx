import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Language, setClientLanguage } from '../api/client';
import { en } from './en';
import { type MessageKey, type Messages, zh } from './zh';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
}

const STORAGE_KEY = 'jiceng.lang';
const dictionaries: Record<Language, Messages> = { zh, en };

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Applies a language everywhere outside React: API header, dayjs, <html lang>. */
function applyLanguage(lang: Language): void {
  setClientLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export function translate(messages: Messages, key: MessageKey, params?: TranslateParams): string {
  const text = messages[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [lang, setLangState] = useState<Language>(() => {
    const initial = storedLanguage();
    applyLanguage(initial);
    return initial;
  });

  const setLang = useCallback(
    (next: Language) => {
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
      applyLanguage(next);
      setLangState(next);
      // Server texts (role names, messages) come in the request's language: fetch them again.
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );

  const value = useMemo<I18nValue>(() => {
    const messages = dictionaries[lang];
    return { lang, setLang, t: (key, params) => translate(messages, key, params) };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the chosen language. */
export function useT(): Translate {
  return useI18n().t;
}
