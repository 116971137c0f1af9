import { Form, data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/report";
import { FormMessage, Honeypot, TextAreaField } from "#app/components/field.tsx";
import { prisma } from "#app/db.server.ts";
import { hitPublicFormLimit } from "#app/modules/accounts/rate-limit.server.ts";
import { ReportSchema, submitReport } from "#app/modules/moderation/feedback.server.ts";
import { REPORT_REASONS } from "#app/modules/moderation/options.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { localeFromParam, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext, staffSessionContext } from "#app/request-context.server.ts";
import { parseForm, type FormErrors, actionHeaders } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.service") }];
}

export const headers = actionHeaders;

async function loadService(slug: string | undefined) {
  const parsed = z.string().regex(/^[a-z0-9-]{1,200}$/).safeParse(slug);
  const service = parsed.success
    ? await prisma.service.findFirst({ where: { slug: parsed.data, status: "PUBLISHED" }, select: { id: true, name: true, slug: true } })
    : null;
  if (!service) throw data(null, { status: 404 });
  return service;
}

export async function loader({ params }: Route.LoaderArgs) {
  return { service: await loadService(params.slug) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const t = translator(localeFromParam(params.lang));
  const service = await loadService(params.slug);
  const form = await parseForm(request, ReportSchema);
  if (!form.ok) {
    if (form.errors.website) return { done: true, errors: {} as FormErrors, values: {} as Record<string, string> }; // a bot
    return data({ done: false, errors: form.errors, values: form.values }, { status: 400 });
  }
  const limit = await hitPublicFormLimit("listing-report", context.get(clientAddressContext));
  if (!limit.allowed) {
    return data(
      { done: false, errors: { form: t("form.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) } as FormErrors, values: { details: form.data.details ?? "", reason: form.data.reason } as Record<string, string> },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  // A signed-in caseworker's report ranks above an anonymous one.
  const staff = context.get(staffSessionContext);
  await submitReport(service.id, { reason: form.data.reason, details: form.data.details, fromCaseworker: staff?.user.roles.includes("caseworker") ?? false });
  return { done: true, errors: {} as FormErrors, values: {} as Record<string, string> };
}

export default function ReportListing({ loaderData, actionData }: Route.ComponentProps) {
  const { t, localize } = useTranslation();
  const { service } = loaderData;
  const errors: FormErrors = actionData?.errors ?? {};
  if (actionData?.done) {
    return (
      <section>
        <h1>{t("report.heading")}</h1>
        <FormMessage tone="success">{t("report.done")}</FormMessage>
        <p>
          <a href={localize(`/services/${service.slug}`)}>{service.name}</a>
        </p>
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>{t("report.heading")}</h1>
      <p>{t("report.intro", { name: service.name })}</p>
      {errors.form ? <FormMessage tone="error">{errors.form}</FormMessage> : null}
      <Form method="post" replace className="stack">
        <fieldset className={`field${errors.reason ? " has-error" : ""}`}>
          <legend>{t("report.reason")}</legend>
          {errors.reason ? <p className="field-error">{errors.reason}</p> : null}
          {REPORT_REASONS.map((reason) => (
            <label key={reason} className="choice">
              <input type="radio" name="reason" value={reason} defaultChecked={actionData?.values.reason === reason} required />
              <span>{t(`report.reason.${reason}` as MessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <TextAreaField label={t("report.details")} name="details" maxLength={2000} defaultValue={actionData?.values.details ?? ""} error={errors.details} />
        <Honeypot name="website" label={t("access.honeypot")} />
        <button type="submit" className="button primary">
          {t("report.submit")}
        </button>
      </Form>
    </section>
  );
}
