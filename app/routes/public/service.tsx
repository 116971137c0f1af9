import { data, Form, Link, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/service";
import { AreaLabel } from "#app/components/area-label.tsx";
import { ContactActions } from "#app/components/contact-actions.tsx";
import { OpenBadge } from "#app/components/open-badge.tsx";
import { OpeningHoursList } from "#app/components/opening-hours-list.tsx";
import { getPublishedService } from "#app/modules/directory/service-summary.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { localeFromParam, pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { listsFor } from "#app/modules/referrals/lists.server.ts";
import { staffSessionContext } from "#app/request-context.server.ts";

// Neutral title: service names can say what the page is about, and titles show in history.
export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.service") }];
}

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(200);

export async function loader({ params, context }: Route.LoaderArgs) {
  const slug = SlugSchema.safeParse(params.slug);
  const service = slug.success ? await getPublishedService(slug.data, new Date(), localeFromParam(params.lang)) : null;
  if (!service) throw data(null, { status: 404 });
  // Only a signed-in caseworker (who has a cookie) gets "Save to a list"; the public page is otherwise the same for everyone.
  const staff = context.get(staffSessionContext);
  const lists = staff?.user.permissions.includes("referral:use") ? (await listsFor(staff.user)).own.map((list) => ({ id: list.id, name: list.name })) : null;
  return { service, lists };
}

export default function ServicePage({ loaderData }: Route.ComponentProps) {
  const { t, locale, localize } = useTranslation();
  const { service, lists } = loaderData;
  const [params] = useSearchParams();
  const languageNames = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const { safety } = service;
  const ages =
    safety.minimumAge !== null && safety.maximumAge !== null
      ? t("service.agesRange", { min: safety.minimumAge, max: safety.maximumAge })
      : safety.minimumAge !== null
        ? t("service.agesFrom", { min: safety.minimumAge })
        : safety.maximumAge !== null
          ? t("service.agesUpTo", { max: safety.maximumAge })
          : null;

  return (
    <article className="service-page">
      <p>
        <Link to={localize("/search")}>{t("service.backToSearch")}</Link>
      </p>
      <h1>{service.name}</h1>
      <p className="organization">{t("service.by", { organization: service.organization.name })}</p>
      <p className="lead" lang={service.textLanguage}>
        {service.shortDescription}
      </p>
      {service.original ? (
        <p className="hint">{t("service.translatedFrom", { language: languageNames.of(service.original.language) ?? service.original.language })}</p>
      ) : null}
      <p className="meta">
        <OpenBadge state={service.openState} alwaysOpen={service.alwaysOpen} />
        <span>{t(`cost.${service.cost}`)}</span>
      </p>

      {lists ? (
        <Form method="post" action="/caseworker/save" className="stack caseworker-save">
          {params.get("saved") ? <p role="status">{t("caseworker.saved")}</p> : null}
          <input type="hidden" name="serviceId" value={service.id} />
          {lists.length > 0 ? (
            <div className="field">
              <label htmlFor="listId">{t("caseworker.chooseList")}</label>
              <select id="listId" name="listId">
                {lists.map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <div className="field">
              <label htmlFor="newListName">{t("caseworker.listName")}</label>
              <input id="newListName" name="newListName" type="text" maxLength={120} />
            </div>
          )}
          <button type="submit" className="button secondary">
            {t("caseworker.saveToList")}
          </button>
        </Form>
      ) : null}

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t("service.contactHeading")}</h2>
        <ContactActions contacts={service.contacts} />
        {service.contacts.some((contact) => contact.hours.length > 0) ? (
          <ul className="channel-hours">
            {service.contacts
              .filter((contact) => contact.hours.length > 0)
              .map((contact) => (
                <li key={`${contact.kind}:${contact.value}`}>
                  <h3>
                    {t("service.channelHours")}: {t(`contact.${contact.kind}`)} {contact.value}
                  </h3>
                  <OpeningHoursList periods={contact.hours} />
                </li>
              ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="hours-heading">
        <h2 id="hours-heading">{t("service.hoursHeading")}</h2>
        {service.alwaysOpen ? (
          <p>{t("open.alwaysOpen")}</p>
        ) : service.hours.length > 0 ? (
          <>
            <OpeningHoursList periods={service.hours} />
            <p className="hint">{t("service.hoursTimezone", { timezone: service.timezone })}</p>
          </>
        ) : (
          <p>{t("service.hoursUnknown")}</p>
        )}
      </section>

      <section aria-labelledby="safety-heading" className="safety">
        <h2 id="safety-heading">{t("service.safetyHeading")}</h2>
        <dl>
          <dt>{t("service.anonymous")}</dt>
          <dd>{t(`answer.${safety.anonymousContact}`)}</dd>
          <dt>{t("service.tellsPolice")}</dt>
          <dd>{t(`sharing.${safety.tellsPolice}`)}</dd>
          <dt>{t("service.tellsParents")}</dt>
          <dd>{t(`sharing.${safety.tellsParents}`)}</dd>
          <dt>{t("service.childAlone")}</dt>
          <dd>{t(`answer.${safety.childCanUseWithoutParent}`)}</dd>
          {ages ? (
            <>
              <dt>{t("service.ages")}</dt>
              <dd>{ages}</dd>
            </>
          ) : null}
          {safety.recordsKept ? (
            <>
              <dt>{t("service.recordsKept")}</dt>
              <dd>{safety.recordsKept}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t("service.whatHeading")}</h2>
        <ul className="tags">
          {service.categories.map((code) => (
            <li key={code}>{t(`category.${code}` as MessageKey)}</li>
          ))}
        </ul>
        <p className="description" lang={service.textLanguage}>
          {service.description}
        </p>
        {service.original ? (
          <details>
            <summary>{t("service.originalText")}</summary>
            <p className="description" lang={service.original.language}>
              {service.original.description}
            </p>
          </details>
        ) : null}
        {service.audiences.length > 0 ? (
          <>
            <h3>{t("service.whoHeading")}</h3>
            <ul className="tags">
              {service.audiences.map((code) => (
                <li key={code}>{t(`audience.${code}` as MessageKey)}</li>
              ))}
            </ul>
          </>
        ) : null}
        <dl>
          {service.eligibility ? (
            <>
              <dt>{t("service.eligibility")}</dt>
              <dd>{service.eligibility}</dd>
            </>
          ) : null}
          <dt>{t("service.cost")}</dt>
          <dd>
            {t(`cost.${service.cost}`)}
            {service.costNote ? ` — ${service.costNote}` : ""}
          </dd>
          <dt>{t("service.languages")}</dt>
          <dd>{service.languages.map((code) => languageNames.of(code) ?? code).join(", ")}</dd>
          {service.accessibility || service.accessFeatures.length > 0 ? (
            <>
              <dt>{t("service.accessibility")}</dt>
              <dd>
                {service.accessFeatures.length > 0 ? (
                  <ul className="tags">
                    {service.accessFeatures.map((code) => (
                      <li key={code}>{t(`feature.${code}` as MessageKey)}</li>
                    ))}
                  </ul>
                ) : null}
                {service.accessibility}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">{t("service.areasHeading")}</h2>
        <ul>
          {service.areas.map((area, index) => (
            <li key={index}>
              <AreaLabel area={area} />
            </li>
          ))}
        </ul>
        {service.locations.length > 0 ? (
          <>
            <h3>{t("service.locationsHeading")}</h3>
            <ul>
              {service.locations.map((location, index) => (
                <li key={index}>
                  {[location.name, location.address, location.locality, location.postalCode, location.countryName]
                    .filter(Boolean)
                    .join(", ")}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {service.verification.overdue ? (
        <p className="verification-warning" role="note">
          {t("verification.overdue")}
        </p>
      ) : null}
      <footer className="provenance">
        {service.website ? (
          <p>
            <a href={service.website} rel="noreferrer">
              {t("service.website")}
            </a>
          </p>
        ) : null}
        <p>
          {service.lastVerifiedAt
            ? `${t("service.lastVerified", { date: dateFormat.format(new Date(service.lastVerifiedAt)) })} ${
                service.verification.monthsAgo === 0
                  ? t("verification.thisMonth")
                  : t("verification.monthsAgo", { months: service.verification.monthsAgo ?? 0 })
              }`
            : t("service.notVerified")}
        </p>
        <p>
          <a href={localize(`/services/${service.slug}/report`)}>{t("report.link")}</a> · <a href={localize("/safety")}>{t("site.stayingSafe")}</a>
        </p>
        <p>
          <a href={service.sourceUrl} rel="noreferrer">
            {t("service.source")}
          </a>
        </p>
      </footer>
    </article>
  );
}
