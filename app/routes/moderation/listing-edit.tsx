import { Form, data, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/listing-edit";
import { ChangeTable } from "#app/components/change-table.tsx";
import { FormMessage } from "#app/components/field.tsx";
import { ListingEditor } from "#app/components/listing-editor.tsx";
import { prisma } from "#app/db.server.ts";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { editorStateFor, submitEditor } from "#app/modules/moderation/editor.server.ts";
import { getReportForEditor, linkReportToRevision } from "#app/modules/moderation/reports.server.ts";
import { ModerationError, archiveService, latestRevisionNumber, listRevisions, requestUnarchive } from "#app/modules/moderation/revisions.server.ts";
import { currentListing } from "#app/modules/moderation/snapshot.server.ts";
import type { ListingInput } from "#app/modules/directory/listing.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseSearchParams, readFormData } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

async function loadService(serviceId: string | undefined) {
  const id = z.uuid().safeParse(serviceId);
  const service = id.success ? await prisma.service.findUnique({ where: { id: id.data }, select: { id: true, name: true, slug: true, status: true } }) : null;
  if (!service) throw data(null, { status: 404 });
  return service;
}

// Opened from a report in the queue: ?report=<id> shows it above the editor,
// and the revision saved from here is linked to it.
const FromReportSchema = z.object({ report: z.uuid("Not a report.").optional() });

async function loadReport(request: Request, serviceId: string) {
  const { report: reportId } = parseSearchParams(new URL(request.url).searchParams, FromReportSchema);
  return reportId ? getReportForEditor(reportId, serviceId) : null;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requirePermission(context, request, "service:edit");
  const service = await loadService(params.serviceId);
  const report = await loadReport(request, service.id);
  const revisions = await listRevisions(service.id);
  const baseNumber = await latestRevisionNumber(service.id);
  // The editor opens on the newest version: a pending revision if there is one, else what is published.
  const latest = revisions[0];
  const listing = latest && latest.status === "PENDING" ? (latest.snapshot as ListingInput) : await currentListing(service.id);
  return {
    service,
    report: report ? { ...report, createdAt: report.createdAt.toISOString() } : null,
    state: editorStateFor(listing, baseNumber),
    revisions: revisions.map((revision) => ({
      id: revision.id,
      number: revision.number,
      kind: revision.kind,
      status: revision.status,
      reason: revision.reason,
      author: revision.author.name,
      createdAt: revision.createdAt.toISOString(),
    })),
  };
}

const LifecycleSchema = z.object({ intent: z.enum(["archive", "unarchive"]), reason: z.string().trim().min(3, "Give a reason.").max(1000) });

export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const session = requirePermission(context, request, intent === "archive" ? "service:archive" : "service:edit");
  const service = await loadService(params.serviceId);
  if (intent === "archive" || intent === "unarchive") {
    const form = LifecycleSchema.safeParse({ intent, reason: formData.get("reason") });
    if (!form.success) return data({ kind: "lifecycle-error" as const, message: form.error.issues[0]!.message }, { status: 400 });
    try {
      if (form.data.intent === "archive") {
        const archived = await archiveService(service.id, session.user, form.data.reason);
        // Past the moderator's take-downs for the day: a second moderator decides, on the revision's page.
        if (archived.kind === "requested") return redirect(`/moderation/revisions/${archived.revisionId}`);
      } else await requestUnarchive(service.id, session.user, form.data.reason);
    } catch (error) {
      if (error instanceof ModerationError) return data({ kind: "lifecycle-error" as const, message: error.message }, { status: 409 });
      throw error;
    }
    return redirect(`/moderation/services/${service.id}`);
  }
  const report = await loadReport(request, service.id);
  const outcome = await submitEditor(formData, service.id, session.user);
  if (outcome.kind === "saved") {
    if (report) {
      await linkReportToRevision(report.id, { serviceId: service.id, number: outcome.number }, session.user);
      return redirect(`/moderation/services/${service.id}?report=${report.id}&saved=${outcome.number}`);
    }
    return redirect(`/moderation/services/${service.id}?saved=${outcome.number}`);
  }
  if (outcome.kind === "conflict") {
    return data({ kind: "conflict" as const, state: outcome.state, latestNumber: outcome.latestNumber, latestAuthor: outcome.latestAuthor, changes: outcome.changes }, { status: 409 });
  }
  return data({ kind: "invalid" as const, state: outcome.state }, { status: 400 });
}

export default function EditListing({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const { service, revisions, report } = loaderData;
  const state = actionData && "state" in actionData ? actionData.state : loaderData.state;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section>
      <h1>{t("editor.editHeading", { name: service.name })}</h1>
      <p>
        {t("moderation.statusLabel", { status: service.status })} · <a href={`/moderation/services/${service.id}/verify`}>{t("moderation.verify")}</a>
        {service.status === "PUBLISHED" ? (
          <>
            {" "}
            · <a href={`/services/${service.slug}`}>/services/{service.slug}</a>
          </>
        ) : null}
      </p>
      {report ? (
        <div className="report-panel stack" data-testid="editor-report">
          <h2>{t("moderation.reportHeading")}</h2>
          <p>
            <strong>{t(`report.reason.${report.reason}` as MessageKey)}</strong>
            {report.fromCaseworker ? ` (${t("moderation.fromCaseworker")})` : ""} · {when.format(new Date(report.createdAt))}
          </p>
          {report.details ? <blockquote>{report.details}</blockquote> : null}
          {report.status === "RESOLVED" ? (
            <p>{t("moderation.reportResolvedAlready")}</p>
          ) : report.revision ? (
            <p>
              {t("moderation.reportLinked", { number: report.revision.number })} <a href={`/moderation/revisions/${report.revision.id}`}>{t("moderation.openRevision", { number: report.revision.number })}</a>
            </p>
          ) : (
            <p className="hint">{t("moderation.reportWillLink")}</p>
          )}
        </div>
      ) : null}
      {saved && !actionData ? <FormMessage tone="success">{t("editor.saved", { number: saved })}</FormMessage> : null}
      {actionData?.kind === "invalid" ? <FormMessage tone="error">{t("editor.invalid")}</FormMessage> : null}
      {actionData?.kind === "lifecycle-error" ? <FormMessage tone="error">{actionData.message}</FormMessage> : null}
      {actionData?.kind === "conflict" ? (
        <div className="stack">
          <FormMessage tone="error">{t("editor.conflict", { author: actionData.latestAuthor, number: actionData.latestNumber })}</FormMessage>
          <ChangeTable changes={actionData.changes} beforeLabel={t("editor.conflictThem")} afterLabel={t("editor.conflictYou")} />
        </div>
      ) : null}

      <h2>{t("moderation.history")}</h2>
      <ul>
        {revisions.map((revision) => (
          <li key={revision.id}>
            <a href={`/moderation/revisions/${revision.id}`}>
              #{revision.number} {revision.kind} — {revision.status}
            </a>{" "}
            · {revision.author} · {when.format(new Date(revision.createdAt))} · {revision.reason}
          </li>
        ))}
      </ul>

      <h2>{service.status === "ARCHIVED" ? t("moderation.unarchive") : t("moderation.archiveHeading")}</h2>
      <p className="hint">{t("moderation.archiveHint")}</p>
      {/* A new form when the status changes: the take-down reason must not stay typed in "put it back". */}
      <Form method="post" className="stack" key={service.status}>
        <label htmlFor="lifecycle-reason">{t("moderation.reason")}</label>
        <input id="lifecycle-reason" name="reason" type="text" required />
        <button type="submit" name="intent" value={service.status === "ARCHIVED" ? "unarchive" : "archive"} className="button secondary">
          {service.status === "ARCHIVED" ? t("moderation.unarchive") : t("moderation.archive")}
        </button>
      </Form>

      <h2>{t("editor.basics")}</h2>
      <ListingEditor state={state} action={`/moderation/services/${service.id}${report ? `?report=${report.id}` : ""}`} />
    </section>
  );
}
