import { SelectField } from "#app/components/field.tsx";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";

/** An admin's choice of a staff organization (or none), for approvals, invitations and accounts. */
export function OrganizationSelect({
  id,
  label,
  hint,
  organizations,
  defaultValue,
  error,
}: {
  id: string;
  label: string;
  hint?: string;
  organizations: { id: string; name: string; country: string | null }[];
  defaultValue: string;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField id={id} label={label} hint={hint} error={error} name="organizationId" defaultValue={defaultValue}>
      <option value="">{t("admin.noOrganization")}</option>
      {organizations.map((organization) => (
        <option key={organization.id} value={organization.id}>
          {organization.name}
          {organization.country ? ` (${organization.country})` : ""}
        </option>
      ))}
    </SelectField>
  );
}
