import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/pack";
import { PackServices } from "#app/components/pack-services.tsx";
import { openPack } from "#app/modules/referrals/packs.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";

// A shared referral pack: no sign-in, no cookie, never indexed (the root's
// layout and entry.server.tsx see to that for every answer at a pack's address).
export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.home") }];
}

export async function loader({ params }: Route.LoaderArgs) {
  const token = z.string().max(64).safeParse(params.token);
  const pack = await openPack(token.success ? token.data : "");
  if (pack.status === "gone") throw data({ kind: "pack-gone" as const }, { status: 410 });
  return { message: pack.message, services: pack.services, noLongerListed: pack.noLongerListed };
}

export default function SharedPack({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("pack.publicHeading")}</h1>
      <p className="lead">{t("pack.publicIntro")}</p>
      {loaderData.message ? <blockquote className="pack-message">{loaderData.message}</blockquote> : null}
      {loaderData.noLongerListed > 0 ? <p className="verification-warning">{t("pack.archivedNotice", { count: loaderData.noLongerListed })}</p> : null}
      <PackServices services={loaderData.services} />
    </section>
  );
}
