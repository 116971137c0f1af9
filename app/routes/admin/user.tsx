import { Form, data, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/user";
import { FormMessage } from "#app/components/field.tsx";
import { OrganizationSelect } from "#app/components/organization-select.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { ROLES } from "#app/modules/accounts/permissions.ts";
import { listStaffOrganizations, setUserOrganization } from "#app/modules/accounts/staff-organizations.server.ts";
import { endAllSessions, getUserForAdmin, setUserDisabled, setUserRoles } from "#app/modules/accounts/users.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { emptyAsUndefined, parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

const UserIdSchema = z.uuid();

async function loadUser(userId: string | undefined) {
  const id = UserIdSchema.safeParse(userId);
  const user = id.success ? await getUserForAdmin(id.data) : null;
  if (!user) throw data(null, { status: 404 });
  return user;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requirePermission(context, request, "user:manage");
  const user = await loadUser(params.userId);
  const now = new Date();
  return {
    organizations: await listStaffOrganizations(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles.map(({ role }) => role.name),
      organizationId: user.organizationId ?? "",
      disabled: user.disabledAt !== null,
      activeSessions: user.sessions.filter((session) => session.expiresAt > now && session.absoluteExpiresAt > now).length,
    },
  };
}

const UserActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("roles"), role: z.array(z.enum(ROLES)) }),
  z.object({ intent: z.literal("organization"), organizationId: z.preprocess(emptyAsUndefined, z.uuid().optional()) }),
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("end-sessions") }),
]);

export async function action({ context, request, params }: Route.ActionArgs) {
  const session = requirePermission(context, request, "user:manage");
  const user = await loadUser(params.userId);
  const form = await parseForm(request, UserActionSchema, ["role"]);
  if (!form.ok) return data({ message: Object.values(form.errors)[0] ?? "" }, { status: 400 });
  const clientAddress = context.get(clientAddressContext);
  const actor = session.user;
  const t = translator(DEFAULT_LOCALE);
  switch (form.data.intent) {
    case "roles":
      await setUserRoles(user.id, form.data.role, actor, clientAddress);
      return { message: t("admin.rolesSaved") };
    case "organization":
      if (!(await setUserOrganization(user.id, form.data.organizationId ?? null, actor, clientAddress))) {
        return data({ message: "That organization no longer exists." }, { status: 400 });
      }
      return { message: t("admin.organizationSet") };
    case "disable":
      await setUserDisabled(user.id, true, actor, clientAddress);
      return redirect(`/admin/users/${user.id}`);
    case "enable":
      await setUserDisabled(user.id, false, actor, clientAddress);
      return redirect(`/admin/users/${user.id}`);
    case "end-sessions":
      await endAllSessions(user.id, actor, clientAddress);
      return { message: t("admin.sessionsEnded") };
  }
}

export default function AdminUser({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { user } = loaderData;
  return (
    <section className="stack">
      <h1>{user.name}</h1>
      <p>{user.email}</p>
      {actionData?.message ? <FormMessage tone="success">{actionData.message}</FormMessage> : null}
      <Form method="post" className="stack">
        <fieldset className="field">
          <legend>{t("admin.roles")}</legend>
          {ROLES.map((role) => (
            <label key={role} className="choice">
              <input type="checkbox" name="role" value={role} defaultChecked={user.roles.includes(role)} />
              <span>{t(`role.${role}` as MessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" name="intent" value="roles" className="button primary">
          {t("admin.saveRoles")}
        </button>
      </Form>
      <Form method="post" className="stack">
        <OrganizationSelect
          id="organizationId"
          label={t("admin.organization")}
          hint={t("admin.organizationMembershipHint")}
          organizations={loaderData.organizations}
          defaultValue={user.organizationId}
        />
        <button type="submit" name="intent" value="organization" className="button secondary">
          {t("admin.organizationSetButton")}
        </button>
      </Form>
      <p>{t("admin.sessionCount", { count: user.activeSessions })}</p>
      <Form method="post">
        <button type="submit" name="intent" value="end-sessions" className="button secondary">
          {t("admin.endSessions")}
        </button>
      </Form>
      <Form method="post">
        <button type="submit" name="intent" value={user.disabled ? "enable" : "disable"} className="button secondary">
          {user.disabled ? t("admin.enable") : t("admin.disable")}
        </button>
      </Form>
    </section>
  );
}
