import type { Route } from "./+types/safety";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.safety") }];
}

export default function Safety() {
  const { t } = useTranslation();
  const sections = [
    ["safety.leaveHeading", "safety.leave"],
    ["safety.backHeading", "safety.back"],
    ["safety.privateHeading", "safety.private"],
    ["safety.historyHeading", "safety.history"],
    ["safety.deviceHeading", "safety.device"],
    ["safety.keepsHeading", "safety.keeps"],
    ["safety.contactHeading", "safety.contact"],
  ] as const;
  return (
    <article>
      <h1>{t("safety.heading")}</h1>
      <p className="lead">{t("safety.intro")}</p>
      {sections.map(([heading, body]) => (
        <section key={heading}>
          <h2>{t(heading)}</h2>
          <p>{t(body)}</p>
        </section>
      ))}
    </article>
  );
}
