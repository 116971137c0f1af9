import { Form, data, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/reset-password-request";
import { Field, FormMessage } from "#app/components/field.tsx";
import { requestPasswordReset } from "#app/modules/accounts/invitations.server.ts";
import { hitPublicFormLimit } from "#app/modules/accounts/rate-limit.server.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm, actionHeaders } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.signIn") }, { name: "robots", content: "noindex" }];
}

export const headers = actionHeaders;

const ResetRequestSchema = z.object({ email: z.email("Enter a valid email address.").max(320) });

export async function action({ request, context }: Route.ActionArgs) {
  const form = await parseForm(request, ResetRequestSchema);
  if (!form.ok) return data({ done: false, error: form.errors.email ?? null }, { status: 400 });
  const clientAddress = context.get(clientAddressContext);
  const limit = await hitPublicFormLimit("password-reset", clientAddress);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return data(
      { done: false, error: translator(DEFAULT_LOCALE)("form.tooMany", { minutes }) },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  await requestPasswordReset(form.data.email, { clientAddress });
  return { done: true, error: null };
}

export default function ResetPasswordRequest() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("auth.resetRequestHeading")}</h1>
      {actionData?.done ? (
        <FormMessage tone="success">{t("auth.resetRequestDone")}</FormMessage>
      ) : (
        <>
          <p>{t("auth.resetRequestIntro")}</p>
          <Form method="post" className="stack">
            <Field label={t("auth.email")} name="email" type="email" autoComplete="username" required error={actionData?.error ?? undefined} />
            <button type="submit" className="button primary">
              {t("auth.resetRequestSubmit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
