import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { AreaView } from "#app/modules/directory/service-summary.server.ts";

export function AreaLabel({ area }: { area: AreaView }) {
  const { t } = useTranslation();
  const country = area.countryName ?? "";
  switch (area.kind) {
    case "INTERNATIONAL":
      return <span>{t("area.international")}</span>;
    case "COUNTRY":
      return <span>{t("area.country", { country })}</span>;
    case "SUBDIVISION":
      return <span>{t("area.subdivision", { region: area.subdivisionName ?? "", country })}</span>;
    case "LOCALITY":
      return <span>{t("area.locality", { locality: area.locality ?? "", country })}</span>;
  }
}
