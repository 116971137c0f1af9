import { Form, data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/revision";
import { ChangeTable } from "#app/components/change-table.tsx";
import { FormMessage } from "#app/components/field.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { approveRevisionAndFollowUp } from "#app/modules/moderation/approval.server.ts";
import { nextQueueItemFor } from "#app/modules/moderation/queue.server.ts";
import { countReportsResolvedBy } from "#app/modules/moderation/reports.server.ts";
import { ModerationError, getRevisionForReview, rejectRevision, restoreRevision } from "#app/modules/moderation/revisions.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm, parseSearchParams } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

async function loadReview(revisionId: string | undefined) {
  const id = z.uuid().safeParse(revisionId);
  const review = id.success ? await getRevisionForReview(id.data) : null;
  if (!review) throw data(null, { status: 404 });
  return review;
}

// After approving or rejecting, ?done= says so on the page, with the next
// queue item this moderator can act on.
const DoneSchema = z.object({ done: z.enum(["approved", "rejected"]).optional() });

async function whatIsDone(done: "approved" | "rejected" | undefined, revision: { id: string; status: string }, moderator: { id: string; email: string }) {
  if (!done || revision.status !== done.toUpperCase()) return null;
  const next = await nextQueueItemFor(moderator, { except: { type: "revision", id: revision.id } });
  return {
    done,
    resolvedReports: done === "approved" ? await countReportsResolvedBy(revision.id) : 0,
    next: next ? { title: next.title, href: next.href, type: next.type } : null,
  };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const session = requirePermission(context, request, "service:review");
  const { done } = parseSearchParams(new URL(request.url).searchParams, DoneSchema);
  const { revision, changes, baseKnown, context: review } = await loadReview(params.revisionId);
  return {
    outcome: await whatIsDone(done, revision, session.user),
    baseKnown,
    takedown: review.takedown ? { ...review.takedown, at: review.takedown.at.toISOString() } : null,
    reports: review.reports.map((report) => ({ id: report.id, reason: report.reasonLabel, details: report.details, fromCaseworker: report.fromCaseworker, createdAt: report.createdAt.toISOString() })),
    revision: {
      id: revision.id,
      number: revision.number,
      kind: revision.kind,
      status: revision.status,
      reason: revision.reason,
      createdAt: revision.createdAt.toISOString(),
      author: revision.author.name,
      reviewer: revision.reviewer?.name ?? null,
      reviewComment: revision.reviewComment,
      service: revision.service,
    },
    changes,
    isOwn: revision.author.id === session.user.id,
  };
}

const ReviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), comment: z.string().trim().max(1000).optional() }),
  z.object({ intent: z.literal("reject"), comment: z.string().trim().min(3, "Say why you reject it.").max(1000) }),
  z.object({ intent: z.literal("restore"), comment: z.string().trim().min(3, "Say why you restore this version.").max(1000) }),
]);

export async function action({ context, request, params }: Route.ActionArgs) {
  const session = requirePermission(context, request, "service:review");
  const { revision } = await loadReview(params.revisionId);
  const form = await parseForm(request, ReviewSchema);
  if (!form.ok) return data({ error: Object.values(form.errors)[0] ?? "" }, { status: 400 });
  try {
    if (form.data.intent === "approve") {
      await approveRevisionAndFollowUp(revision.id, session.user, form.data.comment || undefined);
      return redirect(`/moderation/revisions/${revision.id}?done=approved`);
    }
    if (form.data.intent === "reject") {
      await rejectRevision(revision.id, session.user, form.data.comment);
      return redirect(`/moderation/revisions/${revision.id}?done=rejected`);
    } else {
      const restored = await restoreRevision(revision.id, session.user, form.data.comment);
      return redirect(`/moderation/revisions/${restored.id}`);
    }
  } catch (error) {
    // Self-approval and stale revisions are refused here, whatever the page showed.
    if (error instanceof ModerationError) return data({ error: error.message }, { status: error.code === "self-approval" ? 403 : 409 });
    throw error;
  }
  return redirect(`/moderation/revisions/${revision.id}`);
}

export default function ReviewRevision({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { revision, changes, isOwn, takedown, reports, baseKnown, outcome } = loaderData;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="stack">
      <h1>{t("moderation.reviewHeading", { number: revision.number, name: revision.service.name })}</h1>
      <p>{t("moderation.reviewBy", { kind: revision.kind, author: revision.author, date: when.format(new Date(revision.createdAt)), reason: revision.reason })}</p>
      <p>
        <strong>{t("moderation.statusLabel", { status: revision.status })}</strong>
        {revision.reviewer ? ` · ${revision.reviewer}${revision.reviewComment ? `: ${revision.reviewComment}` : ""}` : ""}
      </p>
      <p>
        <a href={`/moderation/services/${revision.service.id}`}>{revision.service.name}</a>
      </p>
      {outcome ? (
        <div className="stack" data-testid="review-done">
          <FormMessage tone="success">
            {t(outcome.done === "approved" ? "moderation.doneApproved" : "moderation.doneRejected", { number: revision.number, name: revision.service.name })}
            {outcome.resolvedReports > 0 ? ` ${t("moderation.reportsResolved", { count: outcome.resolvedReports })}` : ""}
          </FormMessage>
          <p>
            {outcome.next ? (
              <>
                {t("moderation.nextItem")} <a href={outcome.next.href}>{`${t(`moderation.type.${outcome.next.type}` as MessageKey)}: ${outcome.next.title}`}</a>
              </>
            ) : (
              <>
                {t("moderation.nothingNext")} <a href="/moderation">{t("moderation.queueHeading")}</a>
              </>
            )}
          </p>
        </div>
      ) : null}
      {actionData?.error ? <FormMessage tone="error">{actionData.error}</FormMessage> : null}
      {takedown ? (
        <div className="stack" data-testid="takedown">
          <h2>{t("moderation.takedownHeading")}</h2>
          <p>{t("moderation.takedownBy", { author: takedown.by, date: when.format(new Date(takedown.at)), reason: takedown.reason })}</p>
        </div>
      ) : null}
      {reports.length > 0 ? (
        <div className="stack">
          <h2>{t("moderation.openReports")}</h2>
          <ul>
            {reports.map((report) => (
              <li key={report.id}>
                <strong>{report.reason}</strong>
                {report.fromCaseworker ? ` (${t("moderation.fromCaseworker")})` : ""} · {when.format(new Date(report.createdAt))}
                {report.details ? <blockquote>{report.details}</blockquote> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>{t("moderation.changes")}</h2>
      {revision.kind === "UNARCHIVE" ? <p>{t("moderation.unarchiveMeans")}</p> : null}
      {revision.kind === "ARCHIVE" ? <p>{t("moderation.archiveMeans")}</p> : null}
      {baseKnown ? null : <p className="hint">{t("moderation.baseUnknown")}</p>}
      <ChangeTable changes={changes} beforeLabel={t("moderation.before")} afterLabel={t("moderation.after")} />
      {revision.status === "PENDING" ? (
        isOwn ? (
          <FormMessage tone="info">{t("moderation.ownRevision")}</FormMessage>
        ) : (
          <Form method="post" className="stack">
            <label htmlFor="comment">{t("moderation.comment")}</label>
            <textarea id="comment" name="comment" />
            <div>
              <button type="submit" name="intent" value="approve" className="button primary">
                {t("moderation.approve")}
              </button>{" "}
              <button type="submit" name="intent" value="reject" className="button secondary">
                {t("moderation.reject")}
              </button>
            </div>
          </Form>
        )
      ) : (
        <Form method="post" className="stack">
          <label htmlFor="restore-comment">{t("moderation.reason")}</label>
          <input id="restore-comment" name="comment" type="text" required />
          <button type="submit" name="intent" value="restore" className="button secondary">
            {t("moderation.restore")}
          </button>
        </Form>
      )}
    </section>
  );
}
