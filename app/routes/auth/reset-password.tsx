import { Form, data, redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/reset-password";
import { Field, FormMessage } from "#app/components/field.tsx";
import { findUsableToken, resetPassword } from "#app/modules/accounts/invitations.server.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm, type FormErrors } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.signIn") }, { name: "robots", content: "noindex" }];
}

export async function loader({ params }: Route.LoaderArgs) {
  return { valid: (await findUsableToken(params.token, "PASSWORD_RESET")) !== null };
}

const ResetSchema = z
  .object({ password: z.string().max(1024), passwordConfirm: z.string().max(1024) })
  .refine((form) => form.password === form.passwordConfirm, {
    path: ["passwordConfirm"],
    message: translator(DEFAULT_LOCALE)("auth.passwordMismatch"),
  });

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await parseForm(request, ResetSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const result = await resetPassword(params.token, form.data.password, context.get(clientAddressContext));
  if (result.kind === "bad-password") return data({ errors: { password: result.message } as FormErrors }, { status: 400 });
  if (result.kind === "invalid-link") {
    return data({ errors: { form: translator(DEFAULT_LOCALE)("auth.linkInvalid") } as FormErrors }, { status: 410 });
  }
  return redirect("/login?notice=reset");
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!valid) {
    return (
      <section>
        <h1>{t("auth.resetHeading")}</h1>
        <FormMessage tone="error">{t("auth.linkInvalid")}</FormMessage>
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>{t("auth.resetHeading")}</h1>
      {actionData?.errors.form ? <FormMessage tone="error">{actionData.errors.form}</FormMessage> : null}
      <Form method="post" className="stack">
        <Field label={t("account.newPassword")} name="password" type="password" autoComplete="new-password" required hint={t("auth.passwordHint")} error={actionData?.errors.password} />
        <Field label={t("auth.passwordConfirm")} name="passwordConfirm" type="password" autoComplete="new-password" required error={actionData?.errors.passwordConfirm} />
        <button type="submit" className="button primary">
          {t("auth.resetSubmit")}
        </button>
      </Form>
    </section>
  );
}
