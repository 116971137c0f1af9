import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { BadRequestBody, UnreadableFormBody } from "#app/validation.server.ts";

function isBadRequest(body: unknown): body is BadRequestBody {
  return typeof body === "object" && body !== null && (body as BadRequestBody).kind === "bad-request";
}

/** The one error page: 400 lists what was wrong, 404 says so plainly, anything else stays calm. */
export function ErrorPage({ status, body }: { status: number; body?: unknown }) {
  const { t, localize } = useTranslation();
  if (status === 400 && isBadRequest(body)) {
    return (
      <section aria-labelledby="error-heading">
        <title>{t("title.error")}</title>
        <h1 id="error-heading">{t("search.badRequestHeading")}</h1>
        <p>{t("search.badRequestAdvice")}</p>
        <ul className="problems">
          {body.problems.map((problem) => (
            <li key={`${problem.field}:${problem.message}`}>
              <strong>{problem.field}</strong>: {problem.message}
            </li>
          ))}
        </ul>
        <p>
          <a href={localize("/search")}>{t("search.startAgain")}</a>
        </p>
      </section>
    );
  }
  if ((body as UnreadableFormBody | undefined)?.kind === "unreadable-form") {
    return (
      <section aria-labelledby="error-heading">
        <title>{t("title.error")}</title>
        <h1 id="error-heading">{t("error.formHeading")}</h1>
        <p>{(body as UnreadableFormBody).message}</p>
        <p>{t("error.formAdvice")}</p>
        <p>
          <a href={localize("/")}>{t("error.home")}</a>
        </p>
      </section>
    );
  }
  if (status === 410 && (body as { kind?: string } | undefined)?.kind === "pack-gone") {
    return (
      <section aria-labelledby="error-heading">
        <title>{t("title.home")}</title>
        <h1 id="error-heading">{t("pack.goneHeading")}</h1>
        <p>{t("pack.goneAdvice")}</p>
        <p>
          <a href={localize("/")}>{t("error.home")}</a>
        </p>
      </section>
    );
  }
  const notFound = status === 404;
  return (
    <section aria-labelledby="error-heading">
      <title>{t("title.error")}</title>
      <h1 id="error-heading">{notFound ? t("error.notFoundHeading") : t("error.genericHeading")}</h1>
      <p>{notFound ? t("error.notFoundAdvice") : t("error.genericAdvice")}</p>
      <p>
        <a href={localize("/")}>{t("error.home")}</a>
      </p>
    </section>
  );
}
