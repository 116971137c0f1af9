import { Form } from "react-router";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { localizePath } from "#app/modules/i18n/translate.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { AUDIENCE_CODES, CATEGORY_CODES } from "#app/modules/directory/taxonomy.ts";

type Place = { code: string; name: string };

export type SearchFormValues = {
  country?: string;
  region?: string;
  category: string[];
  audience?: string;
  lang?: string;
  q?: string;
};

/** A plain GET form: it works without JavaScript and every search has a shareable address. */
export function SearchForm({
  countries,
  regions,
  languages = [],
  values,
  collapsed = false,
}: {
  countries: Place[];
  regions: Place[];
  /** Languages services speak (codes); the filter appears when there are some. */
  languages?: string[];
  values: SearchFormValues;
  /** After a search, the form folds away (a native <details>, no script) so results come first on a phone. */
  collapsed?: boolean;
}) {
  const { t, locale, simple } = useTranslation();
  const languageNames = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const form = (
    <Form method="get" action={localizePath("/search", locale)} className="search-form" role="search">
      {simple ? <input type="hidden" name="simple" value="1" /> : null}
      <div className="field">
        <label htmlFor="country">{t("search.country")}</label>
        <select id="country" name="country" defaultValue={values.country ?? ""} autoComplete="country">
          <option value="">{t("search.countryAny")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="region">{t("search.region")}</label>
        {regions.length > 0 ? (
          <select id="region" name="region" defaultValue={values.region ?? ""}>
            <option value="">{t("search.regionAny")}</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        ) : (
          <p className="hint" id="region">
            {t("search.regionHint")}
          </p>
        )}
      </div>

      <fieldset className="field">
        <legend>{t("search.category")}</legend>
        <div className="choices">
          {CATEGORY_CODES.map((code) => (
            <label key={code} className="choice">
              <input type="checkbox" name="category" value={code} defaultChecked={values.category.includes(code)} />
              <span>{t(`category.${code}` as MessageKey)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="audience">{t("search.audience")}</label>
        <select id="audience" name="audience" defaultValue={values.audience ?? ""}>
          <option value="">{t("search.audienceAny")}</option>
          {AUDIENCE_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`audience.${code}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>

      {languages.length > 0 ? (
        <div className="field">
          <label htmlFor="lang">{t("search.language")}</label>
          <select id="lang" name="lang" defaultValue={values.lang ?? ""}>
            <option value="">{t("search.languageAny")}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageNames.of(code)}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <div className="field">
        <label htmlFor="q">{t("search.words")}</label>
        <input id="q" name="q" type="search" defaultValue={values.q ?? ""} maxLength={200} aria-describedby="q-hint" />
        <p className="hint" id="q-hint">
          {t("search.wordsHint")}
        </p>
      </div>

      <button type="submit" className="button primary">
        {t("search.submit")}
      </button>
    </Form>
  );
  if (!collapsed) return form;
  return (
    <details className="search-details">
      <summary>{t("search.change")}</summary>
      {form}
    </details>
  );
}
