import { Form, data, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/request-access";
import { Field, FormMessage, Honeypot, SelectField, TextAreaField } from "#app/components/field.tsx";
import { submitAccessRequest } from "#app/modules/accounts/access-requests.server.ts";
import { listStaffOrganizations } from "#app/modules/accounts/staff-organizations.server.ts";
import { hitPublicFormLimit } from "#app/modules/accounts/rate-limit.server.ts";
import { localeFromParam, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm, type FormErrors, actionHeaders } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.home") }];
}

export const headers = actionHeaders;

// The organizations admins have created; "other" when it is not there yet.
export async function loader() {
  const organizations = await listStaffOrganizations();
  return { organizations: organizations.map((organization) => ({ id: organization.id, name: organization.name })) };
}

const OTHER = "other";

const AccessRequestSchema = z
  .object({
    name: z.string().trim().min(2, "Enter your name.").max(200, "Use at most 200 characters."),
    organization: z.union([z.uuid(), z.literal(OTHER)], "Choose your organization."),
    organizationNote: z.string().trim().max(300, "Use at most 300 characters.").optional(),
    email: z.email("Enter a valid work email address.").max(320),
    reason: z.string().trim().min(10, "Tell us a little more (at least 10 characters).").max(2000, "Use at most 2,000 characters."),
    // Hidden from people; bots fill it in.
    website: z.string().max(0).optional(),
  })
  .refine((form) => form.organization !== OTHER || (form.organizationNote ?? "").length >= 2, {
    path: ["organizationNote"],
    message: "Tell us the name of your organization and where it is.",
  });

export async function action({ request, context, params }: Route.ActionArgs) {
  const t = translator(localeFromParam(params.lang));
  const form = await parseForm(request, AccessRequestSchema);
  if (!form.ok) {
    // A filled honeypot looks like success to the bot and saves nothing.
    if (form.errors.website) return { done: true, errors: {} as FormErrors, values: {} as Record<string, string> };
    return data({ done: false, errors: form.errors, values: form.values }, { status: 400 });
  }
  const typed: Record<string, string> = {
    name: form.data.name,
    organization: form.data.organization,
    organizationNote: form.data.organizationNote ?? "",
    email: form.data.email,
    reason: form.data.reason,
  };
  const clientAddress = context.get(clientAddressContext);
  const limit = await hitPublicFormLimit("access-request", clientAddress);
  if (!limit.allowed) {
    return data(
      { done: false, errors: { form: t("form.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) } as FormErrors, values: typed },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const chosen = form.data.organization === OTHER ? null : form.data.organization;
  const id = await submitAccessRequest(
    { name: form.data.name, organizationId: chosen, organizationNote: chosen ? null : (form.data.organizationNote ?? null), email: form.data.email, reason: form.data.reason },
    clientAddress,
  );
  // The list changed since the page was shown (or the id was made up).
  if (!id) return data({ done: false, errors: { organization: "Choose your organization." } as FormErrors, values: typed }, { status: 400 });
  return { done: true, errors: {} as FormErrors, values: {} as Record<string, string> };
}

export default function RequestAccess({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  if (actionData?.done) {
    return (
      <section>
        <h1>{t("access.heading")}</h1>
        <FormMessage tone="success">{t("access.done")}</FormMessage>
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>{t("access.heading")}</h1>
      <p>{t("access.intro")}</p>
      {errors.form ? <FormMessage tone="error">{errors.form}</FormMessage> : null}
      <Form method="post" replace className="stack">
        <Field label={t("access.name")} name="name" autoComplete="name" required defaultValue={values.name} error={errors.name} />
        <SelectField
          label={t("access.organization")}
          name="organization"
          hint={t("access.organizationHint")}
          required
          defaultValue={values.organization ?? ""}
          error={errors.organization}
        >
          <option value="">{t("access.organizationChoose")}</option>
          {loaderData.organizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
          <option value="other">{t("access.organizationOther")}</option>
        </SelectField>
        <Field
          label={t("access.organizationNote")}
          name="organizationNote"
          maxLength={300}
          hint={t("access.organizationNoteHint")}
          defaultValue={values.organizationNote}
          error={errors.organizationNote}
        />
        <Field label={t("access.email")} name="email" type="email" autoComplete="email" required defaultValue={values.email} error={errors.email} />
        <TextAreaField label={t("access.reason")} name="reason" required maxLength={2000} defaultValue={values.reason} error={errors.reason} />
        <Honeypot name="website" label={t("access.honeypot")} />
        <button type="submit" className="button primary">
          {t("access.submit")}
        </button>
      </Form>
    </section>
  );
}
