import { Form } from "react-router";
import { Field } from "#app/components/field.tsx";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";

type Values = { name?: string; country?: string; kind?: string };

/** Name, country and kind of a staff organization: the same form to create one and to edit it. */
export function StaffOrganizationForm({
  intent,
  submitLabel,
  countries,
  kinds,
  values,
  errors,
}: {
  intent: string;
  submitLabel: string;
  countries: { code: string; name: string }[];
  kinds: readonly string[];
  values: Values;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack">
      <Field label={t("admin.organizationName")} name="name" required maxLength={200} defaultValue={values.name ?? ""} error={errors.name} />
      <div className={`field${errors.country ? " has-error" : ""}`}>
        <label htmlFor="country">{t("admin.organizationCountry")}</label>
        {errors.country ? (
          <p className="field-error" id="country-error">
            {errors.country}
          </p>
        ) : null}
        <select id="country" name="country" required defaultValue={values.country ?? ""} {...(errors.country ? { "aria-describedby": "country-error", "aria-invalid": true } : {})}>
          <option value="">{t("admin.organizationCountryChoose")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${errors.kind ? " has-error" : ""}`}>
        <label htmlFor="kind">{t("admin.organizationKind")}</label>
        {errors.kind ? (
          <p className="field-error" id="kind-error">
            {errors.kind}
          </p>
        ) : null}
        <select id="kind" name="kind" required defaultValue={values.kind ?? "CHARITY"}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`organizationKind.${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" name="intent" value={intent} className="button primary">
        {submitLabel}
      </button>
    </Form>
  );
}
