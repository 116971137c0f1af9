import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { ServiceSummary } from "#app/modules/directory/service-summary.server.ts";
import { ContactActions } from "./contact-actions.tsx";
import { OpenBadge } from "./open-badge.tsx";

/** The services of a referral pack, as the person receiving it sees them. */
export function PackServices({ services }: { services: ServiceSummary[] }) {
  const { t } = useTranslation();
  return (
    <>
      {services.map((service) => (
        <article key={service.id} className="service-card pack-service" aria-labelledby={`pack-${service.slug}`}>
          <h2 id={`pack-${service.slug}`}>{service.name}</h2>
          <p className="organization">{t("service.by", { organization: service.organizationName })}</p>
          <p>{service.shortDescription}</p>
          <p className="meta">
            <OpenBadge state={service.openState} alwaysOpen={service.alwaysOpen} />
          </p>
          <ContactActions contacts={service.contacts} />
        </article>
      ))}
    </>
  );
}
