import { Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/audit";
import { AUDIT_ACTIONS } from "#app/modules/accounts/audit-actions.ts";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "#app/modules/accounts/audit.server.ts";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { emptyAsUndefined, parseSearchParams } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

const AuditFilterSchema = z.object({
  action: z.preprocess(emptyAsUndefined, z.enum(AUDIT_ACTIONS).optional()),
  actor: z.preprocess(emptyAsUndefined, z.string().trim().max(320).optional()),
  from: z.preprocess(emptyAsUndefined, z.iso.date("Use a date such as 2026-11-28.").optional()),
  to: z.preprocess(emptyAsUndefined, z.iso.date("Use a date such as 2026-11-28.").optional()),
  page: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "audit:read");
  const filter = parseSearchParams(new URL(request.url).searchParams, AuditFilterSchema);
  const { events, total } = await listAuditEvents({
    action: filter.action,
    actor: filter.actor,
    from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
    // "Until" includes the whole day.
    to: filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    page: filter.page,
  });
  return {
    filter,
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((event) => ({
      id: String(event.id),
      occurredAt: event.occurredAt.toISOString(),
      actorEmail: event.actorEmail,
      action: event.action,
      target: event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "",
      clientHash: event.clientHash,
      details: event.details ? JSON.stringify(event.details) : "",
    })),
  };
}

export default function AdminAudit({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "UTC" });
  const { filter } = loaderData;
  return (
    <section>
      <h1>{t("admin.audit")}</h1>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="action">{t("admin.auditAction")}</label>
          <select id="action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("admin.anyAction")}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="actor">{t("admin.auditActor")}</label>
          <input id="actor" name="actor" type="text" defaultValue={filter.actor ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="from">{t("admin.auditFrom")}</label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("admin.auditTo")}</label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit" className="button secondary">
          {t("admin.auditFilter")}
        </button>
      </Form>
      <p>{t("search.pageOf", { page: filter.page, pageCount: loaderData.pageCount })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t("admin.auditWhen")}</th>
              <th>{t("admin.auditAction")}</th>
              <th>{t("admin.email")}</th>
              <th>{t("admin.auditTarget")}</th>
              <th>{t("admin.auditClient")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.events.map((event) => (
              <tr key={event.id}>
                <td>{when.format(new Date(event.occurredAt))}</td>
                <td>
                  {event.action}
                  {event.details ? <div className="hint">{event.details}</div> : null}
                </td>
                <td>{event.actorEmail ?? "—"}</td>
                <td>{event.target}</td>
                <td>
                  <code>{event.clientHash ?? "—"}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
