import type { Route } from "./+types/index";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { listPendingAccessRequests } from "#app/modules/accounts/access-requests.server.ts";
import { listPendingInvitations } from "#app/modules/accounts/invitations.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "user:manage");
  const [requests, invitations] = await Promise.all([listPendingAccessRequests(), listPendingInvitations()]);
  return { pendingRequests: requests.length, pendingInvitations: invitations.length };
}

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("admin.heading")}</h1>
      <ul>
        <li>
          <a href="/admin/users">{t("admin.users")}</a>
        </li>
        <li>
          <a href="/admin/invitations">{t("admin.invitations")}</a> — {t("admin.pendingInvitations", { count: loaderData.pendingInvitations })}
        </li>
        <li>
          <a href="/admin/access-requests">{t("admin.accessRequests")}</a> — {t("admin.pendingRequests", { count: loaderData.pendingRequests })}
        </li>
        <li>
          <a href="/admin/organizations">{t("admin.organizations")}</a>
        </li>
        <li>
          <a href="/admin/audit">{t("admin.audit")}</a>
        </li>
      </ul>
    </section>
  );
}
