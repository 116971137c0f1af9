import { Form, data, redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/invitation";
import { Field, FormMessage } from "#app/components/field.tsx";
import { acceptInvitation, findUsableToken } from "#app/modules/accounts/invitations.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm, type FormErrors } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.signIn") }, { name: "robots", content: "noindex" }];
}

export async function loader({ params }: Route.LoaderArgs) {
  const invitation = await findUsableToken(params.token, "INVITATION");
  return invitation ? { valid: true as const, email: invitation.email, roles: invitation.roles } : { valid: false as const };
}

const AcceptSchema = z
  .object({
    name: z.string().trim().min(2, "Enter your name.").max(200),
    password: z.string().max(1024),
    passwordConfirm: z.string().max(1024),
  })
  .refine((form) => form.password === form.passwordConfirm, {
    path: ["passwordConfirm"],
    message: translator(DEFAULT_LOCALE)("auth.passwordMismatch"),
  });

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await parseForm(request, AcceptSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await acceptInvitation(params.token, form.data, context.get(clientAddressContext));
  if (result.kind === "bad-password") {
    return data({ errors: { password: result.message } as FormErrors, values: { name: form.data.name } as Record<string, string> }, { status: 400 });
  }
  if (result.kind === "account-exists") {
    return data({ errors: { form: translator(DEFAULT_LOCALE)("auth.accountExists") } as FormErrors, values: {} as Record<string, string> }, { status: 409 });
  }
  if (result.kind === "invalid-link") {
    return data({ errors: { form: translator(DEFAULT_LOCALE)("auth.linkInvalid") } as FormErrors, values: {} as Record<string, string> }, { status: 410 });
  }
  return redirect("/login?notice=invited");
}

export default function Invitation() {
  const { t } = useTranslation();
  const invitation = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!invitation.valid) {
    return (
      <section>
        <h1>{t("auth.invitationHeading")}</h1>
        <FormMessage tone="error">{t("auth.linkInvalid")}</FormMessage>
      </section>
    );
  }
  const roles = invitation.roles.map((role) => t(`role.${role}` as MessageKey)).join(", ");
  return (
    <section className="stack">
      <h1>{t("auth.invitationHeading")}</h1>
      <p>{t("auth.invitationIntro", { roles, email: invitation.email })}</p>
      {actionData?.errors.form ? <FormMessage tone="error">{actionData.errors.form}</FormMessage> : null}
      <Form method="post" className="stack">
        <Field label={t("auth.name")} name="name" autoComplete="name" required defaultValue={actionData?.values.name ?? ""} error={actionData?.errors.name} />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={128}
          hint={t("auth.passwordHint")}
          error={actionData?.errors.password}
        />
        <Field label={t("auth.passwordConfirm")} name="passwordConfirm" type="password" autoComplete="new-password" required error={actionData?.errors.passwordConfirm} />
        <button type="submit" className="button primary">
          {t("auth.createAccount")}
        </button>
      </Form>
    </section>
  );
}
