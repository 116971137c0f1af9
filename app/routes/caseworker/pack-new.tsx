import { Form, data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/pack-new";
import { FormMessage } from "#app/components/field.tsx";
import { prisma } from "#app/db.server.ts";
import { publicOrigin } from "#app/env.server.ts";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { createPack, openPack, packAsText } from "#app/modules/referrals/packs.server.ts";
import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS } from "#app/modules/referrals/pack-options.ts";
import { DEFAULT_LOCALE, LOCALES, localizePath, type Locale, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

const ServiceIdsSchema = z.array(z.uuid()).max(50);

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "referral:use");
  const ids = ServiceIdsSchema.safeParse(new URL(request.url).searchParams.getAll("service"));
  const services = ids.success
    ? await prisma.service.findMany({ where: { id: { in: ids.data }, status: "PUBLISHED" }, select: { id: true, name: true, organization: { select: { name: true } } } })
    : [];
  const order = new Map((ids.success ? ids.data : []).map((id, index) => [id, index]));
  services.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { services: services.map((service) => ({ id: service.id, name: service.name, organization: service.organization.name })) };
}

const PackSchema = z.object({
  service: z.array(z.uuid()).min(1, translator(DEFAULT_LOCALE)("pack.chooseOne")).max(50),
  message: z.string().trim().max(1000, "Use at most 1,000 characters.").optional(),
  locale: z.enum(LOCALES),
  expiresInDays: z.coerce.number({ error: "Days: a whole number from 1 to 30." }).int("Days: a whole number from 1 to 30.").min(1, "At least 1 day.").max(MAX_EXPIRY_DAYS, `At most ${MAX_EXPIRY_DAYS} days.`),
});

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "referral:use");
  const form = await parseForm(request, PackSchema, ["service"]);
  if (!form.ok) return data({ kind: "invalid" as const, errors: form.errors, values: form.values }, { status: 400 });
  const { token, expiresAt } = await createPack(
    { serviceIds: form.data.service, message: form.data.message, locale: form.data.locale, expiresInDays: form.data.expiresInDays },
    session.user,
  );
  const locale = form.data.locale as Locale;
  const link = `${publicOrigin()}${localizePath(`/p/${token}`, locale)}`;
  const pack = await openPack(token);
  const text = pack.status === "active" ? packAsText(pack, link, translator(locale)) : "";
  // Shown once: only a hash of the token is kept.
  return { kind: "created" as const, link, printLink: localizePath(`/p/${token}/print`, locale), text, expiresAt: expiresAt.toISOString() };
}

export default function NewPack({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  if (actionData?.kind === "created") {
    return (
      <section className="stack">
        <h1>{t("pack.createdHeading")}</h1>
        <FormMessage tone="info">{t("pack.linkOnce")}</FormMessage>
        <div className="field">
          <label htmlFor="share-link">{t("pack.shareLink", { date: date.format(new Date(actionData.expiresAt)) })}</label>
          <input id="share-link" type="text" readOnly value={actionData.link} data-testid="share-link" />
        </div>
        <p>
          <a href={actionData.printLink} target="_blank" rel="noreferrer" data-testid="print-link">
            {t("pack.printLink")}
          </a>
        </p>
        <div className="field">
          <label htmlFor="plain-text">{t("pack.plainText")}</label>
          <textarea id="plain-text" readOnly rows={12} value={actionData.text} />
        </div>
      </section>
    );
  }
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <section className="stack">
      <h1>{t("pack.newHeading")}</h1>
      <p>{t("pack.intro")}</p>
      <Form method="post" className="stack">
        <fieldset className={`field${errors.service ? " has-error" : ""}`}>
          <legend>{t("pack.services")}</legend>
          {errors.service ? <p className="field-error">{errors.service}</p> : null}
          {loaderData.services.map((service) => (
            <label key={service.id} className="choice">
              <input type="checkbox" name="service" value={service.id} defaultChecked />
              <span>
                {service.name} ({service.organization})
              </span>
            </label>
          ))}
        </fieldset>
        <div className={`field${errors.message ? " has-error" : ""}`}>
          <label htmlFor="message">{t("pack.message")}</label>
          <p className="hint" id="message-hint">
            {t("pack.messageHint")}
          </p>
          {errors.message ? <p className="field-error">{errors.message}</p> : null}
          <textarea id="message" name="message" maxLength={1000} aria-describedby="message-hint" defaultValue={actionData?.values.message ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="locale">{t("pack.language")}</label>
          <select id="locale" name="locale" defaultValue={locale}>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {new Intl.DisplayNames([code], { type: "language" }).of(code)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${errors.expiresInDays ? " has-error" : ""}`}>
          <label htmlFor="expiresInDays">{t("pack.expiry")}</label>
          {errors.expiresInDays ? <p className="field-error">{errors.expiresInDays}</p> : null}
          <input id="expiresInDays" name="expiresInDays" type="number" min={1} max={MAX_EXPIRY_DAYS} defaultValue={actionData?.values.expiresInDays ?? DEFAULT_EXPIRY_DAYS} />
        </div>
        <button type="submit" className="button primary">
          {t("pack.create")}
        </button>
      </Form>
    </section>
  );
}
