import { Form, data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/help-path";
import { EmergencyStrip } from "#app/components/emergency-strip.tsx";
import { ServiceCard } from "#app/components/service-card.tsx";
import { HELP_PATHS, HELP_PATH_IDS, type HelpPathId } from "#app/modules/directory/help-paths.ts";
import { SearchQuerySchema, childHelplineFor, openHelplines, searchServices } from "#app/modules/directory/search.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { localeFromParam, pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { emergencyNumbers, isCountryCode, listCountries } from "#app/modules/regions/regions.server.ts";
import { parseSearchParams } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.path") }];
}

const TALK_KINDS = ["PHONE", "SMS", "CHAT"] as const;
const PathQuerySchema = z.object({
  country: z.preprocess(
    (value) => (value === "" ? undefined : typeof value === "string" ? value.toUpperCase() : value),
    z.string().refine(isCountryCode, "Choose a country from the list (a two-letter ISO 3166-1 code such as GB).").optional(),
  ),
  contact: z.array(z.enum(TALK_KINDS, { error: "Choose call, text or chat." })).default([]),
});

export async function loader({ params, request }: Route.LoaderArgs) {
  const id = z.enum(HELP_PATH_IDS as [HelpPathId, ...HelpPathId[]]).safeParse(params.path);
  if (!id.success) throw data(null, { status: 404 });
  const path = HELP_PATHS[id.data];
  const query = parseSearchParams(new URL(request.url).searchParams, PathQuerySchema, ["contact"]);
  const kinds = query.contact.length > 0 ? query.contact : [...TALK_KINDS];
  const services = "openNow" in path
    ? await openHelplines(query.country, kinds)
    : (await searchServices(SearchQuerySchema.parse({ country: query.country, category: path.categories, audience: "audience" in path ? path.audience : undefined }))).services;
  const searchLink = new URLSearchParams();
  if (query.country) searchLink.set("country", query.country);
  for (const category of path.categories) searchLink.append("category", category);
  return {
    id: id.data,
    guidance: path.guidance,
    openNow: "openNow" in path,
    query: { country: query.country, contact: query.contact },
    services,
    searchLink: `/search?${searchLink.toString()}`,
    countries: listCountries(localeFromParam(params.lang)),
    emergency: query.country ? (emergencyNumbers(query.country) ?? null) : null,
    childHelpline: query.country && id.data !== "my-thoughts" ? await childHelplineFor(query.country) : null,
  };
}

export default function HelpPathPage({ loaderData }: Route.ComponentProps) {
  const { t, localize, simple } = useTranslation();
  const { id, query, services, openNow } = loaderData;
  const key = (suffix: string) => `paths.${id}.${suffix}` as MessageKey;
  return (
    <article>
      <h1>{t(key("title"))}</h1>
      <p className="lead">{t(key("intro"))}</p>
      {Array.from({ length: loaderData.guidance }, (_, index) => (
        <p key={index} className="guidance">
          {t(key(`guidance${index + 1}`))}
        </p>
      ))}
      {query.country ? <EmergencyStrip numbers={loaderData.emergency ?? undefined} childHelpline={loaderData.childHelpline} /> : null}
      <Form method="get" className="search-form">
        {simple ? <input type="hidden" name="simple" value="1" /> : null}
        <div className="field">
          <label htmlFor="country">{t("paths.chooseCountry")}</label>
          <select id="country" name="country" defaultValue={query.country ?? ""} autoComplete="country">
            <option value="">{t("search.countryAny")}</option>
            {loaderData.countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        </div>
        {openNow ? (
          <fieldset className="field">
            <legend>{t("paths.talk.how")}</legend>
            <div className="choices">
              {(["PHONE", "SMS", "CHAT"] as const).map((kind) => (
                <label key={kind} className="choice">
                  <input type="checkbox" name="contact" value={kind} defaultChecked={query.contact.includes(kind)} />
                  <span>{t(`contact.${kind}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <button type="submit" className="button primary">
          {t("paths.show")}
        </button>
      </Form>
      <section aria-labelledby="path-services">
        <h2 id="path-services">{t("paths.servicesHeading")}</h2>
        {services.length === 0 && openNow ? <p>{t("paths.talk.none")}</p> : null}
        {services.map((service) => (
          <ServiceCard key={service.id} service={service} />
        ))}
        <p>
          <a href={localize(loaderData.searchLink)}>{t("paths.allServices")}</a>
        </p>
      </section>
    </article>
  );
}
