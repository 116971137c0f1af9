import type { Route } from "./+types/index";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { DEFAULT_LOCALE, translator } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";

export function meta() {
  return [{ title: translator(DEFAULT_LOCALE)("title.staff") }];
}

export function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "service:edit");
  return null;
}

export default function ModerationHome() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("moderation.heading")}</h1>
      <p>{t("moderation.intro")}</p>
    </section>
  );
}
