import { createContext, useContext, useEffect, useRef } from "react";
import { Form } from "react-router";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { ACCESS_CODES, AUDIENCE_CODES, CATEGORY_CODES } from "#app/modules/directory/taxonomy.ts";

export type EditorState = {
  values: Record<string, string>;
  lists: { category: string[]; audience: string[]; access: string[] };
  errors: Record<string, string>;
  rows: { areas: number; contactChannels: number; locations: number };
  baseNumber: number;
};

const CONTACT_KINDS = ["PHONE", "SMS", "CHAT", "EMAIL", "WEB_FORM", "WALK_IN", "APP"] as const;
const AREA_KINDS = ["INTERNATIONAL", "COUNTRY", "SUBDIVISION", "LOCALITY"] as const;
const SHARING = ["UNKNOWN", "NEVER", "ONLY_IF_SOMEONE_IS_AT_RISK", "ALWAYS"] as const;
const ANSWERS = ["UNKNOWN", "YES", "NO"] as const;

// Field components live at the top level (not inside ListingEditor) so that a
// re-render after hydration keeps the same inputs, and with them what was typed.
const EditorFields = createContext<{ values: Record<string, string>; errors: Record<string, string> }>({ values: {}, errors: {} });

function ErrorText({ name }: { name: string }) {
  const { errors } = useContext(EditorFields);
  return errors[name] ? (
    <p className="field-error" id={`${name}-error`}>
      {errors[name]}
    </p>
  ) : null;
}

// Contact details first: they are what people use, and what an attacker would change.
const EDITOR_SECTIONS: [string, MessageKey][] = [
  ["contactChannels", "editor.contactsHeading"],
  ["section-hours", "editor.hoursHeading"],
  ["section-basics", "editor.basics"],
  ["section-translations", "editor.translations"],
  ["section-organization", "editor.organization"],
  ["categories", "editor.categories"],
  ["section-safety", "editor.safety"],
  ["areas", "editor.areasHeading"],
  ["section-locations", "editor.locationsHeading"],
  ["reason", "editor.reason"],
];

const FIELD_LABELS: Record<string, MessageKey> = {
  name: "editor.name",
  slug: "editor.slug",
  alternateName: "editor.alternateName",
  shortDescription: "editor.shortDescription",
  description: "editor.description",
  eligibility: "editor.eligibility",
  cost: "editor.cost",
  costNote: "editor.costNote",
  accessibility: "editor.accessibility",
  website: "editor.website",
  sourceUrl: "editor.sourceUrl",
  languages: "editor.languages",
  contentLanguage: "editor.contentLanguage",
  "organization.name": "editor.organizationName",
  "organization.slug": "editor.organizationSlug",
  "organization.website": "editor.organizationWebsite",
  "organization.sourceUrl": "editor.organizationSourceUrl",
  "organization.description": "editor.organizationDescription",
  categories: "editor.categories",
  audiences: "editor.audiences",
  accessFeatures: "editor.accessFeatures",
  "safety.anonymousContact": "service.anonymous",
  "safety.tellsPolice": "service.tellsPolice",
  "safety.tellsParents": "service.tellsParents",
  "safety.childCanUseWithoutParent": "service.childAlone",
  "safety.minimumAge": "editor.minimumAge",
  "safety.maximumAge": "editor.maximumAge",
  "safety.recordsKept": "editor.recordsKept",
  timezone: "editor.timezone",
  hours: "editor.hours",
  contactChannels: "editor.contactsHeading",
  areas: "editor.areasHeading",
  reason: "editor.reason",
};
const ROW_FIELD_LABELS: Record<string, MessageKey> = {
  kind: "editor.contactKind",
  value: "editor.contactValue",
  label: "editor.contactLabel",
  hours: "editor.contactHours",
  country: "editor.country",
  subdivision: "editor.subdivision",
  locality: "editor.locality",
  name: "editor.locationName",
  address: "editor.address",
  postalCode: "editor.postalCode",
  latitude: "editor.latitude",
  longitude: "editor.longitude",
  shortDescription: "editor.shortDescription",
  description: "editor.description",
};
const ROW_HEADINGS: Record<string, MessageKey> = {
  contactChannels: "editor.contactsHeading",
  areas: "editor.areasHeading",
  locations: "editor.locationsHeading",
  translations: "editor.translations",
};

/**
 * Every problem at the top of the form, each linking to its field (GOV.UK's
 * error summary): focus moves here after a failed save, so nobody is left at
 * the bottom of a long form wondering what went wrong.
 */
function ErrorSummary() {
  const { t } = useTranslation();
  const { errors } = useContext(EditorFields);
  const summary = useRef<HTMLDivElement>(null);
  const problems = Object.entries(errors);
  useEffect(() => {
    if (problems.length > 0) summary.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps -- a new set of errors, not each render
  if (problems.length === 0) return null;
  const labelOf = (name: string) => {
    const row = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(name);
    if (row) {
      const [, group, index, field] = row;
      return `${t(ROW_HEADINGS[group!] ?? "editor.basics")} ${Number(index) + 1}: ${ROW_FIELD_LABELS[field!] ? t(ROW_FIELD_LABELS[field!]!) : field}`;
    }
    return FIELD_LABELS[name] ? t(FIELD_LABELS[name]!) : name;
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">{t("editor.problemsHeading")}</h2>
      <ul>
        {problems.map(([name, message]) => (
          <li key={name}>
            <a href={`#${name}`}>
              {labelOf(name)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Text({ name, label, hint, type = "text", required }: { name: string; label: string; hint?: string; type?: string; required?: boolean }) {
  const { values, errors } = useContext(EditorFields);
  return (
    <div className={`field${errors[name] ? " has-error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorText name={name} />
      <input id={name} name={name} type={type} defaultValue={values[name] ?? ""} required={required} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined} />
    </div>
  );
}

function Area({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { values, errors } = useContext(EditorFields);
  return (
    <div className={`field${errors[name] ? " has-error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorText name={name} />
      <textarea id={name} name={name} defaultValue={values[name] ?? ""} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined} />
    </div>
  );
}

function Choice({ name, label, options, optionLabel }: { name: string; label: string; options: readonly string[]; optionLabel: (option: string) => string }) {
  const { values, errors } = useContext(EditorFields);
  return (
    <div className={`field${errors[name] ? " has-error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      <ErrorText name={name} />
      <select id={name} name={name} defaultValue={values[name] ?? options[0]}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Check({ name, label }: { name: string; label: string }) {
  const { values } = useContext(EditorFields);
  return (
    <label className="choice" htmlFor={name}>
      <input id={name} type="checkbox" name={name} defaultChecked={values[name] === "on"} />
      <span>{label}</span>
    </label>
  );
}

/**
 * The whole listing in one plain form: it works without JavaScript, shows
 * each error next to its field, and keeps everything typed when saving fails.
 */
export function ListingEditor({ state, action, hidden }: { state: EditorState; action: string; hidden?: Record<string, string> }) {
  const { t } = useTranslation();

  const range = (count: number) => Array.from({ length: count }, (_, index) => index);

  return (
    <EditorFields.Provider value={{ values: state.values, errors: state.errors }}>
    <Form method="post" action={action} className="stack editor">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="baseNumber" value={state.baseNumber} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary />
      <nav aria-label={t("editor.sectionsLabel")} className="editor-sections">
        <ul>
          {EDITOR_SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <fieldset className="field" id="contactChannels">
        <legend>{t("editor.contactsHeading")}</legend>
        <ErrorText name="contactChannels" />
        {range(state.rows.contactChannels).map((index) => (
          <div key={index} className="editor-row">
            <Choice name={`contactChannels[${index}].kind`} label={t("editor.contactKind")} options={CONTACT_KINDS} optionLabel={(option) => t(`contact.${option}` as MessageKey)} />
            <Text name={`contactChannels[${index}].value`} label={t("editor.contactValue")} />
            <Text name={`contactChannels[${index}].label`} label={t("editor.contactLabel")} />
            <Check name={`contactChannels[${index}].alwaysOpen`} label={t("editor.contactAlwaysOpen")} />
            <Area name={`contactChannels[${index}].hours`} label={t("editor.contactHours")} hint={t("editor.hoursHint")} />
          </div>
        ))}
      </fieldset>

      <fieldset className="field" id="section-hours">
        <legend>{t("editor.hoursHeading")}</legend>
        <Text name="timezone" label={t("editor.timezone")} required />
        <Check name="alwaysOpen" label={t("editor.alwaysOpen")} />
        <Area name="hours" label={t("editor.hours")} hint={t("editor.hoursHint")} />
      </fieldset>

      <fieldset className="field" id="section-basics">
        <legend>{t("editor.basics")}</legend>
        <Text name="name" label={t("editor.name")} required />
        <Text name="slug" label={t("editor.slug")} hint={t("editor.slugHint")} required />
        <Text name="alternateName" label={t("editor.alternateName")} />
        <Text name="shortDescription" label={t("editor.shortDescription")} required />
        <Area name="description" label={t("editor.description")} />
        <Area name="eligibility" label={t("editor.eligibility")} />
        <Choice name="cost" label={t("editor.cost")} options={["FREE", "LOW_COST", "PAID"]} optionLabel={(option) => t(`cost.${option}` as MessageKey)} />
        <Text name="costNote" label={t("editor.costNote")} />
        <Area name="accessibility" label={t("editor.accessibility")} />
        <Text name="website" label={t("editor.website")} type="url" />
        <Text name="sourceUrl" label={t("editor.sourceUrl")} type="url" required />
        <Text name="languages" label={t("editor.languages")} required />
        <Text name="contentLanguage" label={t("editor.contentLanguage")} />
      </fieldset>

      <fieldset className="field" id="section-translations">
        <legend>{t("editor.translations")}</legend>
        <p className="hint">{t("editor.translationsHint")}</p>
        {(["en", "es", "fr"] as const).map((code, index) => (
          // A group per language, named by its legend: a heading here jumped from the page's h1 to h3.
          <fieldset key={code} className="editor-row" lang={code}>
            <legend>{new Intl.DisplayNames(["en"], { type: "language" }).of(code)}</legend>
            <Text name={`translations[${index}].name`} label={t("editor.name")} />
            <Text name={`translations[${index}].shortDescription`} label={t("editor.shortDescription")} />
            <Area name={`translations[${index}].description`} label={t("editor.description")} />
          </fieldset>
        ))}
      </fieldset>

      <fieldset className="field" id="section-organization">
        <legend>{t("editor.organization")}</legend>
        <Text name="organization.name" label={t("editor.organizationName")} required />
        <Text name="organization.slug" label={t("editor.organizationSlug")} required />
        <Text name="organization.website" label={t("editor.organizationWebsite")} type="url" />
        <Text name="organization.sourceUrl" label={t("editor.organizationSourceUrl")} type="url" />
        <Area name="organization.description" label={t("editor.organizationDescription")} hint={t("editor.organizationShared")} />
      </fieldset>

      <CheckboxGroup legend={t("editor.categories")} error="categories" name="category" codes={CATEGORY_CODES} checked={state.lists.category} label={(code) => t(`category.${code}` as MessageKey)} />
      <CheckboxGroup legend={t("editor.audiences")} error="audiences" name="audience" codes={AUDIENCE_CODES} checked={state.lists.audience} label={(code) => t(`audience.${code}` as MessageKey)} />
      <CheckboxGroup legend={t("editor.accessFeatures")} error="accessFeatures" name="access" codes={ACCESS_CODES} checked={state.lists.access} label={(code) => t(`feature.${code}` as MessageKey)} />

      <fieldset className="field" id="section-safety">
        <legend>{t("editor.safety")}</legend>
        <Choice name="safety.anonymousContact" label={t("service.anonymous")} options={ANSWERS} optionLabel={(option) => t(`answer.${option}` as MessageKey)} />
        <Choice name="safety.tellsPolice" label={t("service.tellsPolice")} options={SHARING} optionLabel={(option) => t(`sharing.${option}` as MessageKey)} />
        <Choice name="safety.tellsParents" label={t("service.tellsParents")} options={SHARING} optionLabel={(option) => t(`sharing.${option}` as MessageKey)} />
        <Choice name="safety.childCanUseWithoutParent" label={t("service.childAlone")} options={ANSWERS} optionLabel={(option) => t(`answer.${option}` as MessageKey)} />
        <Text name="safety.minimumAge" label={t("editor.minimumAge")} type="number" />
        <Text name="safety.maximumAge" label={t("editor.maximumAge")} type="number" />
        <Area name="safety.recordsKept" label={t("editor.recordsKept")} />
      </fieldset>

      <fieldset className="field" id="areas">
        <legend>{t("editor.areasHeading")}</legend>
        <ErrorText name="areas" />
        {range(state.rows.areas).map((index) => (
          <div key={index} className="editor-row">
            {/* Blank rows start on "—", so an untouched row adds no area. */}
            <Choice name={`areas[${index}].kind`} label={t("editor.areaKind")} options={["", ...AREA_KINDS]} optionLabel={(option) => (option ? option.toLowerCase() : "—")} />
            <Text name={`areas[${index}].country`} label={t("editor.country")} />
            <Text name={`areas[${index}].subdivision`} label={t("editor.subdivision")} />
            <Text name={`areas[${index}].locality`} label={t("editor.locality")} />
          </div>
        ))}
      </fieldset>

      <fieldset className="field" id="section-locations">
        <legend>{t("editor.locationsHeading")}</legend>
        {range(state.rows.locations).map((index) => (
          <div key={index} className="editor-row">
            <Text name={`locations[${index}].name`} label={t("editor.locationName")} />
            <Text name={`locations[${index}].address`} label={t("editor.address")} />
            <Text name={`locations[${index}].locality`} label={t("editor.locality")} />
            <Text name={`locations[${index}].postalCode`} label={t("editor.postalCode")} />
            <Text name={`locations[${index}].subdivision`} label={t("editor.subdivision")} />
            <Text name={`locations[${index}].country`} label={t("editor.country")} />
            <Text name={`locations[${index}].latitude`} label={t("editor.latitude")} />
            <Text name={`locations[${index}].longitude`} label={t("editor.longitude")} />
          </div>
        ))}
      </fieldset>

      <Area name="reason" label={t("editor.reason")} />
      <button type="submit" className="button primary">
        {t("editor.save")}
      </button>
    </Form>
    </EditorFields.Provider>
  );
}

/** A list of codes to tick: categories, audiences, access features. */
function CheckboxGroup({
  legend,
  name,
  codes,
  checked,
  label,
  error,
}: {
  legend: string;
  name: string;
  codes: readonly string[];
  checked: string[];
  label: (code: string) => string;
  /** The field whose error shows under the legend. */
  error?: string;
}) {
  return (
    <fieldset className="field" id={error}>
      <legend>{legend}</legend>
      {error ? <ErrorText name={error} /> : null}
      <div className="choices">
        {codes.map((code) => (
          <label key={code} className="choice">
            <input type="checkbox" name={name} value={code} defaultChecked={checked.includes(code)} />
            <span>{label(code)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
