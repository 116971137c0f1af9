import { useEffect, useState } from "react";
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
  near?: string;
  lat?: number;
  lng?: number;
  radius?: number;
};

const RADIUS_CHOICES_KM = [5, 10, 25, 50, 100, 250];

/** A plain GET form: it works without JavaScript and every search has a shareable address. */
export function SearchForm({
  countries,
  regions,
  languages = [],
  values,
  collapsed = false,
  keep = [],
}: {
  countries: Place[];
  regions: Place[];
  /** Languages services speak (codes); the filter appears when there are some. */
  languages?: string[];
  values: SearchFormValues;
  /** After a search, the form folds away (a native <details>, no script) so results come first on a phone. */
  collapsed?: boolean;
  /** Filters chosen beside the results, kept when the search changes. */
  keep?: [string, string][];
}) {
  const { t, locale, simple } = useTranslation();
  const languageNames = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const form = (
    <Form method="get" action={localizePath("/search", locale)} className="search-form" role="search">
      {simple ? <input type="hidden" name="simple" value="1" /> : null}
      {keep.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
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

      <div className="field">
        <label htmlFor="near">{t("filter.near")}</label>
        <input id="near" name="near" type="text" defaultValue={values.near ?? ""} maxLength={100} aria-describedby="near-hint" autoComplete="off" />
        <p className="hint" id="near-hint">
          {t("filter.nearHint")}
        </p>
        {values.lat !== undefined && values.lng !== undefined ? (
          <>
            <input type="hidden" name="lat" value={values.lat} />
            <input type="hidden" name="lng" value={values.lng} />
          </>
        ) : null}
        <UseMyLocation />
      </div>

      <div className="field">
        <label htmlFor="radius">{t("filter.radius")}</label>
        <select id="radius" name="radius" defaultValue={String(values.radius ?? 25)}>
          {RADIUS_CHOICES_KM.map((km) => (
            <option key={km} value={km}>
              {t("filter.radiusKm", { km })}
            </option>
          ))}
        </select>
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

/**
 * Offered only when the browser can locate (so never without JavaScript). The
 * coordinates, rounded to about 1 km, travel in this one request's address and
 * are never stored or logged.
 */
function UseMyLocation() {
  const { t } = useTranslation();
  const [available, setAvailable] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => setAvailable("geolocation" in navigator), []);
  if (!available) return null;
  return (
    <p>
      <button
        type="button"
        className="button"
        onClick={(event) => {
          const form = event.currentTarget.form;
          if (!form) return;
          navigator.geolocation.getCurrentPosition(
            (position) => {
              const set = (name: string, value: string) => {
                let input = form.elements.namedItem(name) as HTMLInputElement | null;
                if (!input) {
                  input = Object.assign(document.createElement("input"), { type: "hidden", name });
                  form.append(input);
                }
                input.value = value;
              };
              set("lat", position.coords.latitude.toFixed(2));
              set("lng", position.coords.longitude.toFixed(2));
              set("near", "");
              form.requestSubmit();
            },
            () => setFailed(true),
            { timeout: 10_000, maximumAge: 600_000 },
          );
        }}
      >
        {t("filter.useLocation")}
      </button>{" "}
      <span className="hint" role={failed ? "alert" : undefined}>
        {failed ? t("filter.locationFailed") : t("filter.locationHint")}
      </span>
    </p>
  );
}
