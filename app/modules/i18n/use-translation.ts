import { useRouteLoaderData } from "react-router";
import type { MessageKey } from "./messages.en.ts";
import { DEFAULT_LOCALE, localizePath, translatorFrom, type Locale } from "./translate.ts";

/** The translation function and locale of the page, from the messages the root loader sent. */
export function useTranslation() {
  const data = useRouteLoaderData("root") as { locale?: Locale; simple?: boolean; messages?: Partial<Record<MessageKey, string>> } | undefined;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const simple = data?.simple ?? false;
  return { t: translatorFrom(data?.messages ?? {}), locale, simple, localize: (path: string) => localizePath(path, locale, simple) };
}
