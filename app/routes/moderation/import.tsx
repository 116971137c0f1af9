import { Form, data } from "react-router";
import type { Route } from "./+types/import";
import { Field, FormMessage } from "#app/components/field.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { handleUpload } from "#app/modules/hsds/upload.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { readFormData } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "service:edit");
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "service:edit");
  const outcome = await handleUpload(await readFormData(request), session.user);
  return data(outcome, { status: outcome.kind === "errors" ? 400 : 200 });
}

const SHOWN_REJECTIONS = 10;
const SHOWN_PLANNED = 200;

/** Which HSDS fields become which part of a listing (app/modules/hsds/import.server.ts). */
const FIELD_MAPPING: [string, string][] = [
  ["name, alternate_name", "Name, other name"],
  ["description", "Full description; its first sentence becomes the short description"],
  ["url, organization.website", "Website and source page (the record is refused without one)"],
  ["organization.name, .description, .website", "Organization"],
  ["phones[].number, .type, .description", "Phone or text numbers with their labels"],
  ["email", "Email address"],
  ["schedules (weekly)", "Opening hours, read as UTC"],
  ["languages[].code or .name", "Languages spoken (else the import's default language)"],
  ["service_at_locations[].location, addresses", "Places to visit and the countries served (else the import's default country)"],
  ["attributes (taxonomy terms)", "Kinds of help, who it serves, access features and safety answers"],
  ["fees_description", "Cost and cost note"],
  ["eligibility_description, minimum_age, maximum_age", "Who can use it, ages"],
];

export default function ImportPage({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.kind === "errors" ? actionData.errors : {};
  const report = actionData && actionData.kind !== "errors" ? actionData.report : null;
  return (
    <section>
      <h1>{t("import.heading")}</h1>
      <p>{t("import.intro")}</p>
      {actionData?.kind === "imported" ? (
        <FormMessage tone="success">{t("import.done", { source: actionData.source })}</FormMessage>
      ) : null}
      {report ? (
        <>
          <h2>{actionData?.kind === "preview" ? t("import.previewHeading") : t("import.resultHeading")}</h2>
          <dl className="counts">
            <dt>{t("import.created")}</dt>
            <dd>{report.created}</dd>
            <dt>{t("import.updated")}</dt>
            <dd>{report.updated}</dd>
            <dt>{t("import.unchanged")}</dt>
            <dd>{report.unchanged}</dd>
            <dt>{t("import.rejected")}</dt>
            <dd>{report.rejected.length}</dd>
          </dl>
          {report.planned && report.planned.length > 0 ? (
            <>
              <h3>{t("import.plannedHeading")}</h3>
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("import.recordName")}</th>
                      <th scope="col">{t("import.recordAction")}</th>
                      <th scope="col">{t("import.recordDefaults")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.planned.slice(0, SHOWN_PLANNED).map((record) => (
                      <tr key={record.originalId}>
                        <th scope="row">{record.name}</th>
                        <td>{t(`import.action.${record.action}`)}</td>
                        <td>{record.defaults.length > 0 ? <ul>{record.defaults.map((note) => <li key={note}>{note}</li>)}</ul> : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {report.planned.length > SHOWN_PLANNED ? <p>{t("import.morePlanned", { count: report.planned.length - SHOWN_PLANNED })}</p> : null}
              <details>
                <summary>{t("import.mappingHeading")}</summary>
                <dl className="mapping">
                  {FIELD_MAPPING.map(([from, to]) => (
                    <div key={from}>
                      <dt><code>{from}</code></dt>
                      <dd>{to}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </>
          ) : null}
          {report.rejected.length > 0 ? (
            <>
              <h3>{t("import.rejectedHeading")}</h3>
              <ul>
                {report.rejected.slice(0, SHOWN_REJECTIONS).map((rejection, index) => (
                  <li key={`${rejection.originalId}-${index}`}>
                    <strong>{rejection.name ?? rejection.originalId}</strong>: {rejection.reason}
                  </li>
                ))}
              </ul>
              {report.rejected.length > SHOWN_REJECTIONS ? <p>{t("import.moreRejected", { count: report.rejected.length - SHOWN_REJECTIONS })}</p> : null}
            </>
          ) : null}
        </>
      ) : null}
      {actionData?.kind === "preview" ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="import" />
          <input type="hidden" name="previewId" value={actionData.previewId} />
          <button type="submit" className="button primary" disabled={actionData.report.created + actionData.report.updated === 0}>
            {t("import.confirm", { count: actionData.report.created + actionData.report.updated })}
          </button>
        </Form>
      ) : null}
      <h2>{t("import.uploadHeading")}</h2>
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="preview" />
        <Field label={t("import.file")} name="file" type="file" accept=".json,.ndjson,.jsonl,application/json" error={errors.file} hint={t("import.fileHint")} required />
        <Field label={t("import.source")} name="source" error={errors.source} hint={t("import.sourceHint")} />
        <Field label={t("import.country")} name="country" error={errors.country} hint={t("import.countryHint")} maxLength={2} />
        <Field label={t("import.language")} name="language" error={errors.language} hint={t("import.languageHint")} maxLength={3} />
        <button type="submit" className="button">
          {t("import.preview")}
        </button>
      </Form>
    </section>
  );
}
