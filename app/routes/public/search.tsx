import { Link } from "react-router";
import type { Route } from "./+types/search";
import { SearchForm } from "#app/components/search-form.tsx";
import { SearchFilters } from "#app/components/search-filters.tsx";
import { MAX_COUNTED } from "#app/modules/directory/search-limits.ts";
import { ServiceCard } from "#app/components/service-card.tsx";
import { EmergencyStrip } from "#app/components/emergency-strip.tsx";
import {
  REPEATABLE_SEARCH_PARAMS,
  SearchQuerySchema,
  type SearchQuery,
  childHelplineFor,
  spokenLanguages,
  listInternationalServices,
  searchServices,
} from "#app/modules/directory/search.server.ts";
import { emergencyNumbers, listCountries, listSubdivisions } from "#app/modules/regions/regions.server.ts";
import { localeFromParam, pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseSearchParams } from "#app/validation.server.ts";
import { staffSessionContext } from "#app/request-context.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.search") }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const query = parseSearchParams(url.searchParams, SearchQuerySchema, REPEATABLE_SEARCH_PARAMS);
  const hasSearched = url.searchParams.size > 0;
  const result = hasSearched ? await searchServices(query) : null;
  const international = result && result.total === 0 ? await listInternationalServices() : [];
  return {
    query,
    result,
    international,
    countries: listCountries(localeFromParam(params.lang)),
    languages: await spokenLanguages(),
    regions: query.country ? listSubdivisions(query.country, localeFromParam(params.lang)) : [],
    emergency: query.country ? (emergencyNumbers(query.country) ?? null) : null,
    childHelpline: query.country ? await childHelplineFor(query.country) : null,
    isCaseworker: context.get(staffSessionContext)?.user.permissions.includes("referral:use") ?? false,
  };
}

function pageLink(search: URLSearchParams, page: number, localize: (path: string) => string): string {
  const next = new URLSearchParams(search);
  next.set("page", String(page));
  return localize(`/search?${next.toString()}`);
}

/** The query as URL parameters, in a stable order. */
function searchParamsOf(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of [...placeAndWords(query), ...filtersOf(query)]) params.append(name, value);
  return params;
}

function placeAndWords(query: SearchQuery): [string, string][] {
  const pairs: [string, string][] = [];
  const put = (name: string, value: string | number | undefined) => {
    if (value !== undefined) pairs.push([name, String(value)]);
  };
  put("country", query.country);
  put("region", query.region);
  put("q", query.q);
  put("near", query.near);
  put("lat", query.lat);
  put("lng", query.lng);
  if (query.near || query.lat !== undefined) put("radius", query.radius);
  return pairs;
}

function filtersOf(query: SearchQuery): [string, string][] {
  const pairs: [string, string][] = [];
  for (const name of ["category", "contact", "access"] as const) for (const value of query[name]) pairs.push([name, value]);
  if (query.audience) pairs.push(["audience", query.audience]);
  if (query.lang) pairs.push(["lang", query.lang]);
  if (query.open) pairs.push(["open", query.open]);
  for (const name of ["always", "free", "anonymous", "no_parent"] as const) if (query[name]) pairs.push([name, "1"]);
  return pairs;
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { t, localize } = useTranslation();
  const { query, result, international, countries, regions, languages, emergency, childHelpline, isCaseworker } = loaderData;
  const params = searchParamsOf(query);
  // The main form holds kind of help, audience and language itself.
  const keptFilters = filtersOf(query).filter(([name]) => !["category", "audience", "lang"].includes(name));

  return (
    <>
      <h1>{t("search.heading")}</h1>
      {query.country ? <EmergencyStrip numbers={emergency ?? undefined} childHelpline={childHelpline} /> : null}
      {result?.unknownPlace ? (
        <p className="form-error" role="alert" id="near-error">
          {t("search.unknownPlace", { place: result.unknownPlace })}
        </p>
      ) : null}
      <SearchForm
        countries={countries}
        regions={regions}
        languages={languages}
        values={query}
        collapsed={result !== null && !result.unknownPlace}
        keep={keptFilters}
      />

      {result ? (
        <section aria-labelledby="results-heading" className="results">
          <h2 id="results-heading">{t("search.resultsHeading")}</h2>
          <p role="status">
            {result.totalIsCapped
              ? t("search.resultCountMore", { count: MAX_COUNTED })
              : result.total === 1
                ? t("search.resultCountOne")
                : t("search.resultCount", { count: result.total })}
          </p>
          {result.correctedWords ? <p>{t("search.correctedTo", { words: result.correctedWords })}</p> : null}
          {result.origin ? <p className="hint">{t("search.nearNote")}</p> : null}
          {isCaseworker && result.services.length > 0 ? (
            <p>
              <a href={`/caseworker/packs/new?${result.services.map((service) => `service=${service.id}`).join("&")}`}>{t("caseworker.packFromResults")}</a>
            </p>
          ) : null}
          {result.services.map((service) => (
            <ServiceCard key={service.slug} service={service} distanceKm={service.distanceKm} />
          ))}

          {result.total === 0 && !result.unknownPlace ? (
            <>
              <h3>{t("search.noneHeading")}</h3>
              <p>{t("search.noneAdvice")}</p>
              <h3>{t("search.internationalHeading")}</h3>
              {international.map((service) => (
                <ServiceCard key={service.slug} service={service} />
              ))}
            </>
          ) : null}

          {result.pageCount > 1 ? (
            <nav aria-label={t("search.pagination")} className="pagination">
              {result.page > 1 ? (
                <Link to={pageLink(params, result.page - 1, localize)} rel="prev">
                  {t("search.previous")}
                </Link>
              ) : null}
              <span>{t("search.pageOf", { page: result.page, pageCount: result.pageCount })}</span>
              {result.page < result.pageCount ? (
                <Link to={pageLink(params, result.page + 1, localize)} rel="next">
                  {t("search.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
      {result && !result.unknownPlace ? (
        <SearchFilters values={query} facets={result.facets} keep={placeAndWords(query)} languages={languages} />
      ) : null}
    </>
  );
}
