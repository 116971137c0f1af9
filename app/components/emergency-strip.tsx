import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { EmergencyNumbers } from "#app/modules/regions/emergency-numbers.ts";
import { contactHref } from "#app/modules/directory/contact-links.ts";

export function EmergencyStrip({
  numbers,
  childHelpline,
}: {
  numbers?: EmergencyNumbers;
  childHelpline?: { name: string; phone: string; slug: string } | null;
}) {
  const { t } = useTranslation();
  return (
    <aside className="emergency" aria-labelledby="emergency-heading">
      <h2 id="emergency-heading">{t("emergency.heading")}</h2>
      {numbers ? (
        <p>
          {t("emergency.call")}{" "}
          {numbers.main.map((number, index) => (
            <span key={number}>
              {index > 0 ? t("emergency.or") : ""}
              <a className="emergency-number" href={`tel:${number}`}>
                {number}
              </a>
            </span>
          ))}
          .
        </p>
      ) : (
        <p>{t("site.emergencyGeneric")}</p>
      )}
      {childHelpline ? (
        <p>
          {t("emergency.childHelpline", { name: childHelpline.name })}{" "}
          <a className="emergency-number" href={contactHref("PHONE", childHelpline.phone)}>
            {childHelpline.phone}
          </a>
        </p>
      ) : null}
    </aside>
  );
}
