import { en, type MessageKey } from "./messages.en.ts";

// One translation function for every string the interface shows. Only English
// exists today; a locale is a catalogue with the same keys.

export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const catalogues: Record<Locale, Record<MessageKey, string>> = { en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const message = catalogue[key] ?? en[key];
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
  };
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
