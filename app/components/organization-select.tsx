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
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select id={id} name="organizationId" defaultValue={defaultValue} {...(describedBy ? { "aria-describedby": describedBy } : {})}>
        <option value="">{t("admin.noOrganization")}</option>
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
            {organization.country ? ` (${organization.country})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
