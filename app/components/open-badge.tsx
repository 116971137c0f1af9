import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { OpenState } from "#app/modules/directory/opening-hours.ts";

export function OpenBadge({ state, alwaysOpen }: { state: OpenState; alwaysOpen: boolean }) {
  const { t } = useTranslation();
  if (alwaysOpen) return <span className="badge open">{t("open.alwaysOpen")}</span>;
  return <span className={`badge ${state}`}>{t(`open.${state}`)}</span>;
}
