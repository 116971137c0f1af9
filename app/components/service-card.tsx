import { Link } from "react-router";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import type { ServiceSummary } from "#app/modules/directory/service-summary.server.ts";
import { AreaLabel } from "./area-label.tsx";
import { ContactActions } from "./contact-actions.tsx";
import { OpenBadge } from "./open-badge.tsx";

/** `distanceKm`: from the place searched, when the search had one. */
export function ServiceCard({ service, distanceKm = null }: { service: ServiceSummary; distanceKm?: number | null }) {
  const { t, localize, locale } = useTranslation();
  return (
    <article className="service-card" aria-labelledby={`service-${service.slug}`}>
      <h3 id={`service-${service.slug}`}>
        <Link to={localize(`/services/${service.slug}`)}>{service.name}</Link>
      </h3>
      <p className="organization">{t("service.by", { organization: service.organizationName })}</p>
      <p lang={service.textLanguage}>{service.shortDescription}</p>
      <ul className="tags" aria-label={t("service.whatHeading")}>
        {service.categories.map((code) => (
          <li key={code}>{t(`category.${code}` as MessageKey)}</li>
        ))}
      </ul>
      <p className="meta">
        <OpenBadge state={service.openState} alwaysOpen={service.alwaysOpen} />
        <span>{t(`cost.${service.cost}`)}</span>
        {service.areas[0] ? <AreaLabel area={service.areas[0]} /> : null}
        {distanceKm !== null ? (
          <span className="distance">
            {t("search.distance", { km: new Intl.NumberFormat(locale, { maximumFractionDigits: distanceKm < 10 ? 1 : 0 }).format(distanceKm) })}
          </span>
        ) : null}
      </p>
      <ContactActions contacts={service.contacts} />
    </article>
  );
}
