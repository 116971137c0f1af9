import type { Route } from "./+types/home";
import { SearchForm } from "#app/components/search-form.tsx";
import { listCountries } from "#app/modules/regions/regions.server.ts";
import { localeFromParam, pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { HELP_PATH_IDS } from "#app/modules/directory/help-paths.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.home") }];
}

export function loader({ params }: Route.LoaderArgs) {
  return { countries: listCountries(localeFromParam(params.lang)) };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, localize } = useTranslation();
  return (
    <>
      <h1>{t("home.heading")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <nav aria-labelledby="paths-heading">
        <h2 id="paths-heading">{t("home.pathsHeading")}</h2>
        <ul className="paths">
          {HELP_PATH_IDS.map((id) => (
            <li key={id}>
              <a href={localize(`/help/${id}`)}>{t(`paths.${id}.title` as MessageKey)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t("home.searchHeading")}</h2>
      <SearchForm countries={loaderData.countries} regions={[]} values={{ category: [] }} />
    </>
  );
}
