import { data, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/organization";
import { FormMessage } from "#app/components/field.tsx";
import { StaffOrganizationForm } from "#app/components/staff-organization-form.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { STAFF_ORGANIZATION_KINDS, StaffOrganizationSchema, getStaffOrganization, updateStaffOrganization } from "#app/modules/accounts/staff-organizations.server.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { listCountries } from "#app/modules/regions/regions.server.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm, type FormErrors } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

async function loadOrganization(organizationId: string | undefined) {
  const id = z.uuid().safeParse(organizationId);
  const organization = id.success ? await getStaffOrganization(id.data) : null;
  if (!organization) throw data(null, { status: 404 });
  return organization;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requirePermission(context, request, "user:manage");
  const organization = await loadOrganization(params.organizationId);
  return {
    organization: {
      id: organization.id,
      name: organization.name,
      country: organization.country ?? "",
      kind: organization.kind,
      members: organization.members.map((member) => ({ id: member.id, name: member.name, email: member.email, disabled: member.disabledAt !== null })),
    },
    countries: listCountries(DEFAULT_LOCALE),
    kinds: STAFF_ORGANIZATION_KINDS,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const session = requirePermission(context, request, "user:manage");
  const organization = await loadOrganization(params.organizationId);
  const form = await parseForm(request, StaffOrganizationSchema);
  if (!form.ok) return data({ saved: false, errors: form.errors, values: form.values }, { status: 400 });
  const result = await updateStaffOrganization(organization.id, form.data, session.user, context.get(clientAddressContext));
  if (result.kind === "not-found") throw data(null, { status: 404 });
  if (result.kind === "name-taken") {
    return data({ saved: false, errors: { name: "An organization with this name already exists." } as FormErrors, values: form.data as Record<string, string> }, { status: 400 });
  }
  return { saved: true, errors: {} as FormErrors, values: {} as Record<string, string> };
}

export default function AdminOrganization({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { organization } = loaderData;
  const values = actionData && !actionData.saved ? actionData.values : organization;
  return (
    <section className="stack">
      <h1>{organization.name}</h1>
      {actionData?.saved ? <FormMessage tone="success">{t("admin.organizationSaved")}</FormMessage> : null}
      <StaffOrganizationForm
        intent="update"
        submitLabel={t("admin.organizationSave")}
        countries={loaderData.countries}
        kinds={loaderData.kinds}
        values={values}
        errors={actionData?.errors ?? {}}
      />
      <h2>{t("admin.organizationMembers")}</h2>
      <p className="hint">{t("admin.organizationMembersHint")}</p>
      {organization.members.length === 0 ? <p>{t("admin.organizationNoMembers")}</p> : null}
      <ul>
        {organization.members.map((member) => (
          <li key={member.id}>
            <a href={`/admin/users/${member.id}`}>{member.name}</a> ({member.email}){member.disabled ? ` · ${t("admin.disabled")}` : ""}
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/organizations">{t("admin.organizations")}</a>
      </p>
    </section>
  );
}
