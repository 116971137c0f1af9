import { Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/listings";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { LISTING_CHECK_FILTERS } from "#app/modules/moderation/options.ts";
import { listListingsByCheck } from "#app/modules/moderation/verification.server.ts";
import { parseSearchParams } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

const ListingSearchSchema = z.object({
  q: z.string().trim().max(200).optional(),
  check: z.preprocess((value) => (value === "" ? undefined : value), z.enum(LISTING_CHECK_FILTERS, { error: "Not a choice on this page." }).default("all")),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "service:edit");
  const { q, check } = parseSearchParams(new URL(request.url).searchParams, ListingSearchSchema);
  const services = await listListingsByCheck({ q, check });
  return {
    q: q ?? "",
    check,
    services: services.map(({ state, lastVerifiedAt, nextVerificationDueAt, ...service }) => ({
      ...service,
      lastVerifiedAt: lastVerifiedAt?.toISOString() ?? null,
      state: state ? { kind: state.kind, dueAt: "dueAt" in state ? state.dueAt.toISOString() : null, daysOverdue: "daysOverdue" in state ? state.daysOverdue : null } : null,
    })),
  };
}

export default function ModerationListings({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <section>
      <h1>{t("moderation.listings")}</h1>
      <p>
        <a href="/moderation/services/new">{t("moderation.newListing")}</a>
      </p>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="q">{t("moderation.searchListings")}</label>
          <input id="q" name="q" type="search" defaultValue={loaderData.q} />
        </div>
        <div className="field">
          <label htmlFor="check">{t("moderation.checkFilter")}</label>
          <select id="check" name="check" defaultValue={loaderData.check}>
            {LISTING_CHECK_FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {t(`moderation.checkFilter.${filter}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("admin.searchSubmit")}
        </button>
      </Form>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t("editor.name")}</th>
              <th>{t("editor.organization")}</th>
              <th>{t("moderation.status")}</th>
              <th>{t("moderation.nextCheck")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.services.map((service) => (
              <tr key={service.id} data-testid="listing-row">
                <td>
                  <a href={`/moderation/services/${service.id}`}>{service.name}</a>
                </td>
                <td>{service.organization.name}</td>
                <td>{service.status}</td>
                <td>
                  {!service.state ? (
                    <span className="hint">{t("moderation.checkNotApplicable")}</span>
                  ) : (
                    <a href={`/moderation/services/${service.id}/verify`}>
                      {service.state.kind === "never"
                        ? t("moderation.checkNever")
                        : service.state.kind === "due"
                          ? t("moderation.checkOverdue", { days: service.state.daysOverdue ?? 0, date: date.format(new Date(service.state.dueAt!)) })
                          : t("moderation.checkUpcoming", { date: date.format(new Date(service.state.dueAt!)) })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
