import { Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/users";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { listUsers } from "#app/modules/accounts/users.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseSearchParams } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

const UserSearchSchema = z.object({ q: z.string().trim().max(200).optional() });

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "user:manage");
  const { q } = parseSearchParams(new URL(request.url).searchParams, UserSearchSchema);
  const users = await listUsers(q);
  return {
    q: q ?? "",
    users: users.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles.map(({ role }) => role.name),
      disabled: user.disabledAt !== null,
    })),
  };
}

export default function AdminUsers({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("admin.users")}</h1>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="q">{t("admin.search")}</label>
          <input id="q" name="q" type="search" defaultValue={loaderData.q} />
        </div>
        <button type="submit" className="button secondary">
          {t("admin.searchSubmit")}
        </button>
      </Form>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t("admin.name")}</th>
              <th>{t("admin.email")}</th>
              <th>{t("admin.roles")}</th>
              <th>{t("admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.users.map((user) => (
              <tr key={user.id}>
                <td>
                  <a href={`/admin/users/${user.id}`}>{user.name}</a>
                </td>
                <td>{user.email}</td>
                <td>{user.roles.map((role) => t(`role.${role}` as MessageKey)).join(", ")}</td>
                <td>{user.disabled ? t("admin.disabled") : t("admin.active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
