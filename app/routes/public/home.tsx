import type { Route } from "./+types/home";
import { SearchForm } from "#app/components/search-form.tsx";
import { listCountries } from "#app/modules/regions/regions.server.ts";
import { translator, DEFAULT_LOCALE } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";

export function meta() {
  return [{ title: translator(DEFAULT_LOCALE)("title.home") }];
}

export function loader() {
  return { countries: listCountries(DEFAULT_LOCALE) };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("home.heading")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <SearchForm countries={loaderData.countries} regions={[]} values={{ category: [] }} />
    </>
  );
}
