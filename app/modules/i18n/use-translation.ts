import { useRouteLoaderData } from "react-router";
import { DEFAULT_LOCALE, localizePath, translator, type Locale } from "./translate.ts";

/** The translation function and locale of the page (set by the root loader from the URL). */
export function useTranslation() {
  const data = useRouteLoaderData("root") as { locale?: Locale; simple?: boolean } | undefined;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const simple = data?.simple ?? false;
  return { t: translator(locale, { simple }), locale, simple, localize: (path: string) => localizePath(path, locale, simple) };
}
