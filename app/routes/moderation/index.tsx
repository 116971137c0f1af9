import { Form, data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/index";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { loadQueue, resolveQueueItem, takeQueueItem } from "#app/modules/moderation/queue.server.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const session = requirePermission(context, request, "report:handle");
  const now = new Date();
  const queue = await loadQueue(now);
  return {
    me: session.user.id,
    counts: queue.counts,
    unsafe: queue.unsafe,
    items: queue.items.map(({ check, ...item }) => ({
      ...item,
      ageDays: Math.max(0, Math.floor((now.getTime() - item.createdAt.getTime()) / 86_400_000)),
      createdAt: item.createdAt.toISOString(),
      check: check ? { kind: check.kind, dueAt: "dueAt" in check ? check.dueAt.toISOString() : null, daysOverdue: "daysOverdue" in check ? check.daysOverdue : null } : null,
    })),
  };
}

const QueueActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("take"), type: z.enum(["report", "suggestion"]), id: z.uuid() }),
  z.object({
    intent: z.literal("resolve"),
    type: z.enum(["report", "suggestion"]),
    id: z.uuid(),
    note: z.string().trim().min(2, "Write a short note.").max(1000),
  }),
]);

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "report:handle");
  const form = await parseForm(request, QueueActionSchema);
  if (!form.ok) return data({ error: Object.values(form.errors)[0] ?? "" }, { status: 400 });
  if (form.data.intent === "take") await takeQueueItem(form.data.type, form.data.id, session.user);
  else await resolveQueueItem(form.data.type, form.data.id, session.user, form.data.note);
  return { error: null };
}

export default function ModerationQueue({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { counts, items, unsafe, me } = loaderData;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <section>
      <h1>{t("moderation.queueHeading")}</h1>
      <p>
        <a href="/moderation/services">{t("moderation.listings")}</a> · <a href="/moderation/services/new">{t("moderation.newListing")}</a> · <a href="/moderation/import">{t("moderation.import")}</a>
      </p>
      {unsafe > 0 ? (
        <p className="banner-unsafe" role="alert">
          {t("moderation.unsafeBanner", { count: unsafe })}
        </p>
      ) : null}
      {actionData?.error ? <p className="field-error">{actionData.error}</p> : null}
      <p>
        {t("moderation.countRevisions", { count: counts.revision })} · {t("moderation.countReports", { count: counts.report })} ·{" "}
        {t("moderation.countSuggestions", { count: counts.suggestion })} · {t("moderation.countVerifications", { count: counts.verification })}
      </p>
      {items.length === 0 ? <p>{t("moderation.empty")}</p> : null}
      <ol className="queue" aria-label={t("moderation.queueHeading")}>
        {items.map((item) => (
          <li key={`${item.type}:${item.id}`} className={item.unsafe ? "unsafe" : undefined} data-testid="queue-item">
            <strong>{t(`moderation.type.${item.type}` as MessageKey)}</strong> · <a href={item.href}>{item.title}</a> ·{" "}
            <span className="hint">
              {item.check
                ? item.check.kind === "never"
                  ? t("moderation.checkNever")
                  : t("moderation.checkOverdue", { days: item.check.daysOverdue ?? 0, date: date.format(new Date(item.check.dueAt!)) })
                : t("moderation.age", { days: item.ageDays })}
            </span>
            {item.type === "revision" && item.authorId === me ? (
              <>
                {" "}
                · <strong className="tag">{t("moderation.yours")}</strong>
              </>
            ) : null}
            {item.reason ? (
              <p>
                <strong>{t(`report.reason.${item.reason}` as MessageKey)}</strong>
                {item.fromCaseworker ? ` (${t("moderation.fromCaseworker")})` : ""}
              </p>
            ) : null}
            {item.detail && item.check?.kind !== "never" ? <p className="description">{item.detail}</p> : null}
            {item.fixRevision && item.fixRevision.status === "PENDING" ? (
              <p>
                <a href={`/moderation/revisions/${item.fixRevision.id}`}>{t("moderation.fixWaiting", { number: item.fixRevision.number })}</a>
              </p>
            ) : null}
            {item.type === "report" || item.type === "suggestion" ? (
              <div className="stack">
                {item.status === "TAKEN" ? (
                  <p className="hint">{item.assigneeId === me ? t("moderation.takenByYou") : t("moderation.taken")}</p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="type" value={item.type} />
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" name="intent" value="take" className="button secondary small">
                      {t("moderation.take")}
                    </button>
                  </Form>
                )}
                <Form method="post" className="stack">
                  <input type="hidden" name="type" value={item.type} />
                  <input type="hidden" name="id" value={item.id} />
                  <label htmlFor={`note-${item.id}`}>{t("moderation.resolveNote")}</label>
                  <input id={`note-${item.id}`} name="note" type="text" required />
                  <button type="submit" name="intent" value="resolve" className="button secondary small">
                    {t("moderation.resolve")}
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
