"use client";

// The server layout passes the whole catalog for the user's language (a few KB); client
// components translate with useT(). Server components use translator(language) from lib/i18n.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { formatMessage } from "@/lib/i18n/format.ts";
import type { Language, MessageKey, Messages, T } from "@/lib/i18n/index.ts";

type I18nValue = { language: Language; t: T };

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ language, messages, children }: { language: Language; messages: Messages; children: ReactNode }) {
  const value = useMemo<I18nValue>(
    () => ({ language, t: (key: MessageKey, vars) => formatMessage(language, messages[key], key, vars) }),
    [language, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `t(key, vars)` for the current user's language. */
export function useT(): T {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT() outside <I18nProvider>");
  return value.t;
}

/** The current UI language (one of LANGUAGES in lib/i18n), e.g. for Intl date formatting. */
export function useLanguage(): Language {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useLanguage() outside <I18nProvider>");
  return value.language;
}
