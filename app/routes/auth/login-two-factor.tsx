import { Form, data, redirect, useActionData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login-two-factor";
import { Field, FormMessage } from "#app/components/field.tsx";
import { completeSecondFactor } from "#app/modules/accounts/authentication.server.ts";
import { safeRedirect, staffHome } from "#app/modules/accounts/redirects.ts";
import { sessionCookie, type StaffSession } from "#app/modules/accounts/sessions.server.ts";
import { clientAddressContext, staffSessionContext } from "#app/request-context.server.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm, actionHeaders } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.signIn") }, { name: "robots", content: "noindex" }];
}

export const headers = actionHeaders;

/** Only a session that passed the password step and still owes its second factor belongs here. */
function pendingSession(context: Route.LoaderArgs["context"], request: Request): StaffSession {
  const session = context.get(staffSessionContext);
  if (!session) throw redirect("/login");
  if (!session.user.totpEnabled || session.twoFactorVerified) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), staffHome(session.user)));
  }
  return session;
}

export function loader({ context, request }: Route.LoaderArgs) {
  pendingSession(context, request);
  return null;
}

const CodeSchema = z.object({ code: z.string().trim().min(6, "Enter the 6-digit code.").max(20) });

export async function action({ request, context }: Route.ActionArgs) {
  const session = pendingSession(context, request);
  const t = translator(DEFAULT_LOCALE);
  const form = await parseForm(request, CodeSchema);
  if (!form.ok) return data({ error: form.errors.code ?? t("auth.wrongCode") }, { status: 400 });
  const client = { address: context.get(clientAddressContext), userAgent: request.headers.get("user-agent") };
  const outcome = await completeSecondFactor(session, form.data.code, client);
  if (outcome.kind === "rate-limited") {
    return data({ error: t("form.tooMany", { minutes: 15 }) }, { status: 429, headers: { "Retry-After": "900" } });
  }
  if (outcome.kind === "wrong") return data({ error: t("auth.wrongCode") }, { status: 400 });
  // The session that waited for the code is gone: the browser gets the new one.
  return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), staffHome(session.user)), {
    headers: { "Set-Cookie": sessionCookie(outcome.token, outcome.session) },
  });
}

export default function LoginTwoFactor() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section className="stack">
      <h1>{t("auth.twoFactorHeading")}</h1>
      <p>{t("auth.twoFactorIntro")}</p>
      {actionData?.error ? <FormMessage tone="error">{actionData.error}</FormMessage> : null}
      <Form method="post" className="stack" action={`/login/two-factor?${params.toString()}`}>
        <Field label={t("auth.code")} name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
        <button type="submit" className="button primary">
          {t("auth.verify")}
        </button>
      </Form>
    </section>
  );
}
