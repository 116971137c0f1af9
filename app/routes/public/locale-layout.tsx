import { data, Outlet } from "react-router";
import type { Route } from "./+types/locale-layout";
import { isLocale } from "#app/modules/i18n/translate.ts";

// Public pages live at /… (English), /es/… and /fr/…. Any other first
// segment is not a language: a 404.
export function loader({ params }: Route.LoaderArgs) {
  if (params.lang !== undefined && (!isLocale(params.lang) || params.lang === "en")) throw data(null, { status: 404 });
  return null;
}

export default function LocaleLayout() {
  return <Outlet />;
}
