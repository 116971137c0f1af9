import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { EmergencyNumbers } from "#app/modules/regions/emergency-numbers.ts";

export function EmergencyStrip({ numbers }: { numbers?: EmergencyNumbers }) {
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
    </aside>
  );
}
