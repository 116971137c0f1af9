import { Form, data, redirect, useActionData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { Field, FormMessage } from "#app/components/field.tsx";
import { signIn } from "#app/modules/accounts/authentication.server.ts";
import { sessionCookie } from "#app/modules/accounts/sessions.server.ts";
import { safeRedirect, staffHome } from "#app/modules/accounts/redirects.ts";
import { roleRequiresTwoFactor } from "#app/modules/accounts/permissions.ts";
import { clientAddressContext, staffSessionContext } from "#app/request-context.server.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm, type FormErrors, actionHeaders } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.signIn") }, { name: "robots", content: "noindex" }];
}

export const headers = actionHeaders;

export function loader({ context, request }: Route.LoaderArgs) {
  const session = context.get(staffSessionContext);
  if (session && (session.twoFactorVerified || !session.user.totpEnabled)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), staffHome(session.user)));
  }
  return null;
}

const SignInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(1024),
  redirectTo: z.string().max(2000).optional(),
});

export async function action({ request, context }: Route.ActionArgs) {
  const t = translator(DEFAULT_LOCALE);
  const form = await parseForm(request, SignInSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values, message: null }, { status: 400 });
  const client = { address: context.get(clientAddressContext), userAgent: request.headers.get("user-agent") };
  const result = await signIn(form.data.email, form.data.password, client);
  const values = { email: form.data.email };
  if (result.kind === "throttled") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      { errors: {} as FormErrors, values, message: t("form.tooMany", { minutes }) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (result.kind === "invalid") return data({ errors: {} as FormErrors, values, message: t("auth.invalid") }, { status: 400 });

  const { user } = result.session;
  const next = safeRedirect(form.data.redirectTo, staffHome(user));
  const destination = result.needsSecondFactor
    ? `/login/two-factor?redirectTo=${encodeURIComponent(next)}`
    : user.roles.some(roleRequiresTwoFactor)
      ? "/account/two-factor"
      : next;
  return redirect(destination, { headers: { "Set-Cookie": sessionCookie(result.token, result.session) } });
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  return (
    <section className="stack">
      <h1>{t("auth.signInHeading")}</h1>
      <p>{t("auth.signInIntro")}</p>
      {notice === "invited" ? <FormMessage tone="success">{t("auth.invitedNotice")}</FormMessage> : null}
      {notice === "reset" ? <FormMessage tone="success">{t("auth.resetNotice")}</FormMessage> : null}
      {actionData?.message ? <FormMessage tone="error">{actionData.message}</FormMessage> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData?.values.email ?? ""}
          error={actionData?.errors.email}
        />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={actionData?.errors.password}
        />
        <button type="submit" className="button primary">
          {t("auth.signIn")}
        </button>
      </Form>
      <p>
        <a href="/reset-password">{t("auth.forgotPassword")}</a>
      </p>
    </section>
  );
}
