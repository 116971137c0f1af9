import { Form } from "react-router";
import { Field, SelectField } from "#app/components/field.tsx";
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
      <SelectField label={t("admin.organizationCountry")} name="country" required defaultValue={values.country ?? ""} error={errors.country}>
        <option value="">{t("admin.organizationCountryChoose")}</option>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("admin.organizationKind")} name="kind" required defaultValue={values.kind ?? "CHARITY"} error={errors.kind}>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`organizationKind.${kind}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <button type="submit" name="intent" value={intent} className="button primary">
        {submitLabel}
      </button>
    </Form>
  );
}
