import { data, redirect, useActionData } from "react-router";
import type { Route } from "./+types/organizations";
import { StaffOrganizationForm } from "#app/components/staff-organization-form.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { STAFF_ORGANIZATION_KINDS, StaffOrganizationSchema, createStaffOrganization, listStaffOrganizationsWithMembers } from "#app/modules/accounts/staff-organizations.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { DEFAULT_LOCALE, pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { listCountries } from "#app/modules/regions/regions.server.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm, type FormErrors } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "user:manage");
  const organizations = await listStaffOrganizationsWithMembers();
  return {
    organizations: organizations.map((organization) => ({
      id: organization.id,
      name: organization.name,
      country: organization.country,
      kind: organization.kind,
      members: organization._count.members,
    })),
    countries: listCountries(DEFAULT_LOCALE),
    kinds: STAFF_ORGANIZATION_KINDS,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "user:manage");
  const form = await parseForm(request, StaffOrganizationSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await createStaffOrganization(form.data, session.user, context.get(clientAddressContext));
  if (result.kind !== "saved") {
    return data({ errors: { name: "An organization with this name already exists." } as FormErrors, values: form.data as Record<string, string> }, { status: 400 });
  }
  return redirect(`/admin/organizations/${result.id}`);
}

export default function AdminOrganizations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("admin.organizations")}</h1>
      <p>{t("admin.organizationsIntro")}</p>
      {loaderData.organizations.length === 0 ? (
        <p>{t("admin.noOrganizations")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{t("admin.organizationName")}</th>
                <th>{t("admin.organizationCountry")}</th>
                <th>{t("admin.organizationKind")}</th>
                <th>{t("admin.organizationMembers")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.organizations.map((organization) => (
                <tr key={organization.id}>
                  <td>
                    <a href={`/admin/organizations/${organization.id}`}>{organization.name}</a>
                  </td>
                  <td>{organization.country ?? t("admin.organizationCountryMissing")}</td>
                  <td>{t(`organizationKind.${organization.kind}` as MessageKey)}</td>
                  <td>{organization.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("admin.organizationNew")}</h2>
      <StaffOrganizationForm
        intent="create"
        submitLabel={t("admin.organizationCreate")}
        countries={loaderData.countries}
        kinds={loaderData.kinds}
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
      />
    </section>
  );
}
