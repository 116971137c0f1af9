import { Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/packs";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { listPacks, revokePack } from "#app/modules/referrals/packs.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const session = requirePermission(context, request, "referral:use");
  const now = new Date();
  const packs = await listPacks(session.user.id);
  return {
    packs: packs.map((pack) => ({
      id: pack.id,
      createdAt: pack.createdAt.toISOString(),
      expiresAt: pack.expiresAt.toISOString(),
      status: pack.revokedAt ? ("revoked" as const) : pack.expiresAt <= now ? ("expired" as const) : ("active" as const),
      services: pack.items.map((item) => item.service.name),
    })),
  };
}

const RevokeSchema = z.object({ packId: z.uuid() });

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "referral:use");
  const form = await parseForm(request, RevokeSchema);
  if (form.ok) await revokePack(form.data.packId, session.user);
  return redirect("/caseworker/packs");
}

export default function Packs({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <section className="stack">
      <h1>{t("pack.listHeading")}</h1>
      {loaderData.packs.length === 0 ? <p>{t("pack.none")}</p> : null}
      <ul className="queue">
        {loaderData.packs.map((pack) => (
          <li key={pack.id} data-testid="pack">
            <strong>{date.format(new Date(pack.createdAt))}</strong> ·{" "}
            {pack.status === "active" ? t("pack.status.active", { date: date.format(new Date(pack.expiresAt)) }) : t(`pack.status.${pack.status}`)}
            <p className="hint">{pack.services.join(", ")}</p>
            {pack.status === "active" ? (
              <Form method="post">
                <input type="hidden" name="packId" value={pack.id} />
                <button type="submit" className="button secondary small">
                  {t("pack.revoke")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
