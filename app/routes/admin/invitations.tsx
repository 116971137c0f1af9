import { Form, data, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/invitations";
import { Field, FormMessage } from "#app/components/field.tsx";
import { OrganizationSelect } from "#app/components/organization-select.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { createInvitation, listPendingInvitations, revokeInvitation } from "#app/modules/accounts/invitations.server.ts";
import { ROLES } from "#app/modules/accounts/permissions.ts";
import { listStaffOrganizations, staffOrganizationExists } from "#app/modules/accounts/staff-organizations.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { emptyAsUndefined, parseForm, type FormErrors } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "user:invite");
  const [invitations, organizations] = await Promise.all([listPendingInvitations(), listStaffOrganizations()]);
  return {
    organizations,
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      roles: invitation.roles,
      organization: invitation.organization?.name ?? null,
      expiresAt: invitation.expiresAt.toISOString(),
      createdBy: invitation.createdBy?.email ?? null,
    })),
  };
}

const t = translator(DEFAULT_LOCALE);
const InvitationActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    email: z.email(t("admin.emailInvalid")).max(320),
    role: z.array(z.enum(ROLES)).min(1, t("admin.roleRequired")),
    organizationId: z.preprocess(emptyAsUndefined, z.uuid().optional()),
  }),
  z.object({ intent: z.literal("revoke"), invitationId: z.uuid() }),
]);

type InvitationActionData = {
  errors: FormErrors;
  values: Record<string, string>;
  created: { email: string; link: string | null } | null;
};

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "user:invite");
  const form = await parseForm(request, InvitationActionSchema, ["role"]);
  if (!form.ok) return data<InvitationActionData>({ errors: form.errors, values: form.values, created: null }, { status: 400 });
  const clientAddress = context.get(clientAddressContext);
  if (form.data.intent === "revoke") {
    await revokeInvitation(form.data.invitationId, session.user, clientAddress);
    return { errors: {}, values: {}, created: null } as InvitationActionData;
  }
  const organizationId = form.data.organizationId ?? null;
  if (organizationId && !(await staffOrganizationExists(organizationId))) {
    return data<InvitationActionData>({ errors: { organizationId: "That organization no longer exists." }, values: { email: form.data.email }, created: null }, { status: 400 });
  }
  const invitation = await createInvitation({ email: form.data.email, roles: form.data.role, organizationId }, session.user, { clientAddress });
  if (invitation.kind === "account-exists") {
    const errors: FormErrors = { email: t("admin.accountExists", { email: form.data.email }) };
    return data<InvitationActionData>({ errors, values: { email: form.data.email }, created: null }, { status: 409 });
  }
  // Without email, the admin passes the link on; it is shown once, here.
  const link = invitation.delivery === "sent" ? null : invitation.link;
  return { errors: {}, values: {}, created: { email: form.data.email, link } } satisfies InvitationActionData;
}

export default function AdminInvitations({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const actionData = useActionData<typeof action>();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const errors: FormErrors = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <section className="stack">
      <h1>{t("admin.invitations")}</h1>
      {actionData?.created ? (
        <FormMessage tone="success">
          {actionData.created.link ? (
            <>
              {t("admin.inviteLink", { email: actionData.created.email })}{" "}
              <code data-testid="invitation-link">{actionData.created.link}</code>
            </>
          ) : (
            t("admin.inviteSent", { email: actionData.created.email })
          )}
        </FormMessage>
      ) : null}
      <h2>{t("admin.inviteHeading")}</h2>
      <Form method="post" className="stack">
        <Field label={t("admin.email")} name="email" type="email" required defaultValue={values.email ?? ""} error={errors.email} />
        <fieldset className={`field${errors.role ? " has-error" : ""}`}>
          <legend>{t("admin.roles")}</legend>
          {errors.role ? <p className="field-error">{errors.role}</p> : null}
          {ROLES.map((role) => (
            <label key={role} className="choice">
              <input type="checkbox" name="role" value={role} />
              <span>{t(`role.${role}` as MessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <OrganizationSelect
          id="organizationId"
          label={t("admin.organization")}
          hint={t("admin.organizationMembershipHint")}
          organizations={loaderData.organizations}
          defaultValue={values.organizationId ?? ""}
          error={errors.organizationId}
        />
        <button type="submit" name="intent" value="invite" className="button primary">
          {t("admin.invite")}
        </button>
      </Form>
      <h2>{t("admin.pendingHeading")}</h2>
      <ul>
        {loaderData.invitations.map((invitation) => (
          <li key={invitation.id}>
            {invitation.email} ({invitation.roles.map((role) => t(`role.${role}` as MessageKey)).join(", ")}){invitation.organization ? ` · ${invitation.organization}` : ""} ·{" "}
            {t("admin.expires", { date: when.format(new Date(invitation.expiresAt)) })}{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="invitationId" value={invitation.id} />
              <button type="submit" name="intent" value="revoke" className="button secondary small">
                {t("admin.revoke")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
