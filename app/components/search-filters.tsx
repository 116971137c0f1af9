import { Form } from "react-router";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { localizePath } from "#app/modules/i18n/translate.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { ACCESS_CODES, AUDIENCE_CODES, CATEGORY_CODES, CONTACT_CODES } from "#app/modules/directory/taxonomy.ts";
import type { FacetCounts } from "#app/modules/directory/search.server.ts";

export type FilterValues = {
  category: string[];
  audience?: string;
  lang?: string;
  contact: string[];
  access: string[];
  open?: "now";
  always: boolean;
  free: boolean;
  anonymous: boolean;
  no_parent: boolean;
};

/**
 * The filters beside the results, each value with how many services it would
 * give. A plain GET form: the search itself travels in hidden fields, so any
 * combination works without JavaScript and makes a shareable address.
 */
export function SearchFilters({
  values,
  facets,
  keep,
  languages,
}: {
  values: FilterValues;
  /** Null when too many services matched to count (the filters then show no numbers). */
  facets: FacetCounts | null;
  /** The search the filters narrow (place, words): kept as hidden fields. */
  keep: [string, string][];
  languages: string[];
}) {
  const { t, locale, simple } = useTranslation();
  const languageNames = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const counted = (label: string, count: number | undefined) => (facets ? t("filter.count", { label, count: count ?? 0 }) : label);
  const counts = facets ?? { category: {}, audience: {}, lang: {}, contact: {}, access: {}, open: 0, always: 0, free: 0, anonymous: 0, no_parent: 0 };
  const clearHref = localizePath(`/search?${new URLSearchParams(keep).toString()}`, locale, simple);

  const checkboxes = (name: string, codes: readonly string[], chosen: string[], label: (code: string) => string, counts: Partial<Record<string, number>>) => (
    <div className="choices">
      {codes.map((code) => (
        <label key={code} className="choice">
          <input type="checkbox" name={name} value={code} defaultChecked={chosen.includes(code)} />
          <span>{counted(label(code), counts[code])}</span>
        </label>
      ))}
    </div>
  );
  const flag = (name: string, label: string, checked: boolean, count: number, value = "1") => (
    <label className="choice">
      <input type="checkbox" name={name} value={value} defaultChecked={checked} />
      <span>{counted(label, count)}</span>
    </label>
  );

  return (
    <Form method="get" action={localizePath("/search", locale)} className="search-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t("filter.heading")}</h2>
      {simple ? <input type="hidden" name="simple" value="1" /> : null}
      {keep.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}

      <fieldset className="field">
        <legend>{t("filter.when")}</legend>
        <div className="choices">
          {flag("open", t("filter.open"), values.open === "now", counts.open, "now")}
          {flag("always", t("filter.always"), values.always, counts.always)}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t("filter.contact")}</legend>
        {checkboxes("contact", CONTACT_CODES, values.contact, (code) => t(`filter.contact.${code}` as MessageKey), counts.contact)}
      </fieldset>

      <fieldset className="field">
        <legend>{t("filter.conditions")}</legend>
        <div className="choices">
          {flag("free", t("filter.free"), values.free, counts.free)}
          {flag("anonymous", t("filter.anonymous"), values.anonymous, counts.anonymous)}
          {flag("no_parent", t("filter.noParent"), values.no_parent, counts.no_parent)}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t("search.category")}</legend>
        {checkboxes("category", CATEGORY_CODES, values.category, (code) => t(`category.${code}` as MessageKey), counts.category)}
      </fieldset>

      <div className="field">
        <label htmlFor="filter-audience">{t("search.audience")}</label>
        <select id="filter-audience" name="audience" defaultValue={values.audience ?? ""}>
          <option value="">{t("search.audienceAny")}</option>
          {AUDIENCE_CODES.map((code) => (
            <option key={code} value={code}>
              {counted(t(`audience.${code}` as MessageKey), counts.audience[code])}
            </option>
          ))}
        </select>
      </div>

      {languages.length > 0 ? (
        <div className="field">
          <label htmlFor="filter-lang">{t("search.language")}</label>
          <select id="filter-lang" name="lang" defaultValue={values.lang ?? ""}>
            <option value="">{t("search.languageAny")}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {counted(languageNames.of(code) ?? code, counts.lang[code])}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <fieldset className="field">
        <legend>{t("filter.access")}</legend>
        {checkboxes("access", ACCESS_CODES, values.access, (code) => t(`feature.${code}` as MessageKey), counts.access)}
      </fieldset>

      <button type="submit" className="button primary">
        {t("filter.apply")}
      </button>
      <p>
        <a href={clearHref}>{t("filter.clear")}</a>
      </p>
    </Form>
  );
}
