import { Form, Outlet } from "react-router";
import type { Route } from "./+types/layout";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { staffSessionContext } from "#app/request-context.server.ts";

// The frame of every staff page: who is signed in, where they can go, and sign out.
// It only shows; each page guards itself with requireUser or requirePermission.
export function loader({ context }: Route.LoaderArgs) {
  const session = context.get(staffSessionContext);
  if (!session) return { user: null };
  const { name, email, permissions } = session.user;
  return { user: { name, email, permissions } };
}

export function meta() {
  return [{ name: "robots", content: "noindex" }];
}

export default function StaffLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user } = loaderData;
  return (
    <>
      {user ? (
        <div className="staff-bar">
          <span>{t("auth.signedInAs", { name: user.name })}</span>
          <nav aria-label={t("staff.nav")}>
            <ul>
              <li>
                <a href="/account">{t("staff.account")}</a>
              </li>
              {user.permissions.includes("user:manage") ? (
                <li>
                  <a href="/admin">{t("staff.admin")}</a>
                </li>
              ) : null}
              {user.permissions.includes("service:edit") ? (
                <li>
                  <a href="/moderation">{t("staff.moderation")}</a>
                </li>
              ) : null}
              {user.permissions.includes("referral:use") ? (
                <li>
                  <a href="/caseworker">{t("staff.caseworker")}</a>
                </li>
              ) : null}
            </ul>
          </nav>
          <Form method="post" action="/logout">
            <button type="submit" className="button secondary small">
              {t("auth.signOut")}
            </button>
          </Form>
        </div>
      ) : null}
      <Outlet />
    </>
  );
}
