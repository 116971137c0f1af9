import { Form, data, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/account-two-factor";
import { Field, FormMessage } from "#app/components/field.tsx";
import { enrolTwoFactor } from "#app/modules/accounts/authentication.server.ts";
import { decrypt, encrypt } from "#app/modules/accounts/encryption.server.ts";
import { requireUser } from "#app/modules/accounts/guards.server.ts";
import { roleRequiresTwoFactor } from "#app/modules/accounts/permissions.ts";
import { staffHome } from "#app/modules/accounts/redirects.ts";
import { sessionCookie } from "#app/modules/accounts/sessions.server.ts";
import { decodeTotpSecret, encodeTotpSecret, enrolmentDetails, generateTotpSecret } from "#app/modules/accounts/two-factor.server.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

// The new secret travels in the form, sealed with AES-GCM: the browser can
// neither read nor alter it, and nothing is stored until a code proves the app works.
function enrolment(email: string, key = generateTotpSecret()) {
  const details = enrolmentDetails(key, email);
  return { sealedSecret: encrypt(encodeTotpSecret(key)), qrSvg: details.qrSvg, secretText: details.secretText };
}

export function loader({ context, request }: Route.LoaderArgs) {
  const session = requireUser(context, request);
  const required = session.user.roles.some(roleRequiresTwoFactor);
  if (session.user.totpEnabled) return { enabled: true as const, required };
  return { enabled: false as const, required, ...enrolment(session.user.email) };
}

const EnableSchema = z.object({
  sealedSecret: z.string().min(1).max(500),
  code: z.string().trim().min(6, "Enter the 6-digit code.").max(10),
});

export async function action({ context, request }: Route.ActionArgs) {
  const session = requireUser(context, request);
  const t = translator(DEFAULT_LOCALE);
  if (session.user.totpEnabled) return data({ kind: "already" as const }, { status: 409 });
  const form = await parseForm(request, EnableSchema);
  let key: Uint8Array;
  try {
    key = decodeTotpSecret(decrypt(form.ok ? form.data.sealedSecret : ""));
  } catch {
    return data({ kind: "retry" as const, error: t("auth.wrongCode"), ...enrolment(session.user.email) }, { status: 400 });
  }
  const client = { address: context.get(clientAddressContext), userAgent: request.headers.get("user-agent") };
  const outcome = form.ok ? await enrolTwoFactor(session, key, form.data.code, client) : ({ kind: "wrong" } as const);
  if (outcome.kind === "wrong") {
    // The same secret again, so the app the person already set up keeps working.
    return data({ kind: "retry" as const, error: t("auth.wrongCode"), ...enrolment(session.user.email, key) }, { status: 400 });
  }
  // A new session id now that the second factor is proven.
  return data(
    { kind: "enabled" as const, recoveryCodes: outcome.recoveryCodes, next: staffHome(session.user) },
    { headers: { "Set-Cookie": sessionCookie(outcome.token, outcome.session) } },
  );
}

export default function AccountTwoFactor({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  if (actionData?.kind === "enabled") {
    return (
      <section>
        <h1>{t("twoFactor.enabledHeading")}</h1>
        <p>{t("twoFactor.recoveryIntro")}</p>
        <ul className="codes" aria-label="Recovery codes">
          {actionData.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a className="button primary" href={actionData.next}>
            {t("twoFactor.continue")}
          </a>
        </p>
      </section>
    );
  }
  if (loaderData.enabled) {
    return (
      <section>
        <h1>{t("account.twoFactor")}</h1>
        <p>{t("twoFactor.alreadyOn")}</p>
      </section>
    );
  }
  const current = actionData?.kind === "retry" ? actionData : loaderData;
  return (
    <section className="stack">
      <h1>{t("twoFactor.heading")}</h1>
      {loaderData.required ? <FormMessage tone="info">{t("twoFactor.required")}</FormMessage> : null}
      {actionData?.kind === "retry" ? <FormMessage tone="error">{actionData.error}</FormMessage> : null}
      <p>{t("twoFactor.step1")}</p>
      <div className="qr" dangerouslySetInnerHTML={{ __html: current.qrSvg }} />
      <p>
        {t("twoFactor.manual")} <code data-testid="totp-secret">{current.secretText}</code>
      </p>
      <Form method="post" className="stack">
        <input type="hidden" name="sealedSecret" value={current.sealedSecret} />
        <Field label={t("twoFactor.step2")} name="code" inputMode="numeric" autoComplete="one-time-code" required />
        <button type="submit" className="button primary">
          {t("twoFactor.enable")}
        </button>
      </Form>
    </section>
  );
}
