import { Form, data, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/account-password";
import { Field, FormMessage } from "#app/components/field.tsx";
import { requireUser } from "#app/modules/accounts/guards.server.ts";
import { sessionCookie } from "#app/modules/accounts/sessions.server.ts";
import { changePassword } from "#app/modules/accounts/users.server.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { actionHeaders, parseForm, type FormErrors } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

// A refused attempt's Retry-After reaches the browser.
export const headers = actionHeaders;

export function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  return null;
}

const ChangePasswordSchema = z
  .object({ current: z.string().min(1, "Enter your current password.").max(1024), password: z.string().max(1024), passwordConfirm: z.string().max(1024) })
  .refine((form) => form.password === form.passwordConfirm, {
    path: ["passwordConfirm"],
    message: translator(DEFAULT_LOCALE)("auth.passwordMismatch"),
  });

export async function action({ context, request }: Route.ActionArgs) {
  const session = requireUser(context, request);
  const t = translator(DEFAULT_LOCALE);
  const form = await parseForm(request, ChangePasswordSchema);
  if (!form.ok) return data({ errors: form.errors, changed: false }, { status: 400 });
  const result = await changePassword(
    session.user,
    session,
    { current: form.data.current, next: form.data.password },
    context.get(clientAddressContext),
  );
  if (result.kind === "throttled") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      { errors: { current: t("form.tooMany", { minutes }) } as FormErrors, changed: false },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (result.kind === "wrong-current") return data({ errors: { current: t("account.wrongCurrent") } as FormErrors, changed: false }, { status: 400 });
  if (result.kind === "bad-password") return data({ errors: { password: result.message } as FormErrors, changed: false }, { status: 400 });
  // Every other session has ended, and this one has a new id.
  return data({ errors: {} as FormErrors, changed: true }, { headers: { "Set-Cookie": sessionCookie(result.token, result.session) } });
}

export default function AccountPassword() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("account.passwordHeading")}</h1>
      {actionData?.changed ? <FormMessage tone="success">{t("account.passwordChanged")}</FormMessage> : null}
      <Form method="post" className="stack">
        <Field label={t("account.currentPassword")} name="current" type="password" autoComplete="current-password" required error={actionData?.errors.current} />
        <Field label={t("account.newPassword")} name="password" type="password" autoComplete="new-password" required hint={t("auth.passwordHint")} error={actionData?.errors.password} />
        <Field label={t("auth.passwordConfirm")} name="passwordConfirm" type="password" autoComplete="new-password" required error={actionData?.errors.passwordConfirm} />
        <button type="submit" className="button primary">
          {t("account.savePassword")}
        </button>
      </Form>
    </section>
  );
}
