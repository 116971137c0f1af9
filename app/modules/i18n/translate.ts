import type { MessageKey } from "./messages.en.ts";

// Locales, URLs and the translation function. The catalogues themselves are
// server-only (catalogues.server.ts): a page receives its own language's
// messages from the root loader.

export const LOCALES = ["en", "es", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translatorFrom(messages: Partial<Record<MessageKey, string>>): Translate {
  return (key, params) => {
    const message = messages[key] ?? key;
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
  };
}

/** A page title in the page's language, for route `meta` functions (which also run in the browser). */
export function pageTitle(matches: readonly ({ id: string; data?: unknown } | undefined)[], key: MessageKey): string {
  const root = matches.find((match) => match?.id === "root")?.data as { messages?: Partial<Record<MessageKey, string>> } | undefined;
  return root?.messages?.[key] ?? "Signpost";
}


export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? "");
}

/** The locale a URL's first segment names: "/es/…" is Spanish; no prefix is English. */
export function localeFromParam(lang: string | undefined): Locale {
  return lang && isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** A public path in a locale: "/search" → "/es/search"; with `simple`, the mode is kept in the URL. */
export function localizePath(path: string, locale: Locale, simple = false): string {
  const withMode = simple ? `${path}${path.includes("?") ? "&" : "?"}simple=1` : path;
  if (locale === DEFAULT_LOCALE) return withMode;
  return withMode.startsWith("/?") || withMode === "/" ? `/${locale}${withMode.slice(1)}` : `/${locale}${withMode}`;
}

/** The path without its locale prefix. */
export function stripLocale(pathname: string): string {
  const match = /^\/(es|fr)(\/.*)?$/.exec(pathname);
  return match ? match[2] || "/" : pathname;
}

/** A locale to suggest from Accept-Language, when it differs from the page's. */
export function suggestedLocale(acceptLanguage: string | null, current: Locale): Locale | null {
  if (!acceptLanguage) return null;
  const preferred = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, ...rest] = part.trim().split(";");
      const quality = rest.find((piece) => piece.trim().startsWith("q="));
      return { language: (tag ?? "").toLowerCase().split("-")[0] ?? "", quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.language && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality)[0]?.language;
  return preferred && isLocale(preferred) && preferred !== current ? preferred : null;
}
