import { Form, data } from "react-router";
import type { Route } from "./+types/suggest";
import { Field, FormMessage, Honeypot, TextAreaField } from "#app/components/field.tsx";
import { hitPublicFormLimit } from "#app/modules/accounts/rate-limit.server.ts";
import { SuggestionSchema, submitSuggestion } from "#app/modules/moderation/feedback.server.ts";
import { localeFromParam, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm, type FormErrors, actionHeaders } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.home") }];
}

export const headers = actionHeaders;

export async function action({ request, context, params }: Route.ActionArgs) {
  const t = translator(localeFromParam(params.lang));
  const form = await parseForm(request, SuggestionSchema);
  if (!form.ok) {
    if (form.errors.homepage) return { done: true, errors: {} as FormErrors, values: {} as Record<string, string> }; // a bot
    return data({ done: false, errors: form.errors, values: form.values }, { status: 400 });
  }
  const limit = await hitPublicFormLimit("service-suggestion", context.get(clientAddressContext));
  if (!limit.allowed) {
    return data(
      { done: false, errors: { form: t("form.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) } as FormErrors, values: {} as Record<string, string> },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const { homepage: _honeypot, ...suggestion } = form.data;
  await submitSuggestion(suggestion);
  return { done: true, errors: {} as FormErrors, values: {} as Record<string, string> };
}

export default function Suggest({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors: FormErrors = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  if (actionData?.done) {
    return (
      <section>
        <h1>{t("suggest.heading")}</h1>
        <FormMessage tone="success">{t("suggest.done")}</FormMessage>
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>{t("suggest.heading")}</h1>
      <p>{t("suggest.intro")}</p>
      {errors.form ? <FormMessage tone="error">{errors.form}</FormMessage> : null}
      <Form method="post" replace className="stack">
        <Field label={t("suggest.name")} name="name" required maxLength={200} defaultValue={values.name} error={errors.name} />
        <Field label={t("suggest.organization")} name="organizationName" maxLength={200} defaultValue={values.organizationName} error={errors.organizationName} />
        <Field label={t("suggest.website")} name="website" type="url" maxLength={500} defaultValue={values.website} error={errors.website} />
        <Field label={t("suggest.contact")} name="contact" maxLength={300} defaultValue={values.contact} error={errors.contact} />
        <Field label={t("suggest.country")} name="country" maxLength={100} defaultValue={values.country} error={errors.country} />
        <TextAreaField label={t("suggest.description")} name="description" required maxLength={2000} defaultValue={values.description} error={errors.description} />
        <Honeypot name="homepage" label={t("access.honeypot")} />
        <button type="submit" className="button primary">
          {t("suggest.submit")}
        </button>
      </Form>
    </section>
  );
}
