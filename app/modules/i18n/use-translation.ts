import { useRouteLoaderData } from "react-router";
import { DEFAULT_LOCALE, translator, type Locale } from "./translate.ts";

/** The translation function for the page's locale (set by the root loader). */
export function useTranslation() {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return { t: translator(locale), locale };
}
