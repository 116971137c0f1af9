import { Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/account";
import { requireUser } from "#app/modules/accounts/guards.server.ts";
import { listUserSessions } from "#app/modules/accounts/sessions.server.ts";
import { endOwnSession } from "#app/modules/accounts/users.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const session = requireUser(context, request);
  const sessions = await listUserSessions(session.user.id);
  return {
    user: { name: session.user.name, email: session.user.email, roles: session.user.roles, totpEnabled: session.user.totpEnabled },
    currentSessionId: session.id,
    sessions: sessions.map((row) => ({ id: row.id, deviceLabel: row.deviceLabel, lastActiveAt: row.lastActiveAt.toISOString() })),
  };
}

const EndSessionSchema = z.object({ sessionId: z.string().regex(/^[a-z2-9]{24}$/) });

export async function action({ context, request }: Route.ActionArgs) {
  const session = requireUser(context, request);
  const form = await parseForm(request, EndSessionSchema);
  if (form.ok) {
    await endOwnSession(session.user.id, form.data.sessionId, session.user, context.get(clientAddressContext));
  }
  return redirect("/account");
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { user, sessions, currentSessionId } = loaderData;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section>
      <h1>{t("account.heading")}</h1>
      <dl>
        <dt>{t("auth.name")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("auth.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("account.roles")}</dt>
        <dd>{user.roles.map((role) => t(`role.${role}` as MessageKey)).join(", ")}</dd>
        <dt>{t("account.twoFactor")}</dt>
        <dd>
          {user.totpEnabled ? t("account.twoFactorOn") : <a href="/account/two-factor">{t("account.twoFactorOff")}</a>}
        </dd>
      </dl>
      <p>
        <a href="/account/password">{t("account.changePassword")}</a>
      </p>
      <h2>{t("account.sessionsHeading")}</h2>
      <ul>
        {sessions.map((row) => (
          <li key={row.id}>
            {row.deviceLabel ?? "—"} · {t("account.lastActive", { date: when.format(new Date(row.lastActiveAt)) })}{" "}
            {row.id === currentSessionId ? (
              <strong>({t("account.thisSession")})</strong>
            ) : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="sessionId" value={row.id} />
                <button type="submit" className="button secondary small">
                  {t("account.endSession")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
