import { Form, data, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/access-requests";
import { FormMessage } from "#app/components/field.tsx";
import { OrganizationSelect } from "#app/components/organization-select.tsx";
import { decideAccessRequest, listPendingAccessRequests } from "#app/modules/accounts/access-requests.server.ts";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { listStaffOrganizations } from "#app/modules/accounts/staff-organizations.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { emptyAsUndefined, parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "access-request:decide");
  const [requests, organizations] = await Promise.all([listPendingAccessRequests(), listStaffOrganizations()]);
  return {
    organizations,
    requests: requests.map((row) => ({
      id: row.id,
      name: row.name,
      organization: row.organization,
      organizationNote: row.organizationNote,
      email: row.email,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

// Approving names the organization the admin has checked (or none): the request only asks.
const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), requestId: z.uuid(), organizationId: z.preprocess(emptyAsUndefined, z.uuid().optional()) }),
  z.object({ intent: z.literal("decline"), requestId: z.uuid() }),
]);

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "access-request:decide");
  const form = await parseForm(request, DecisionSchema);
  if (!form.ok) return data({ link: null, error: Object.values(form.errors)[0] ?? "" }, { status: 400 });
  const decision = form.data.intent === "approve" ? { decision: "approve" as const, organizationId: form.data.organizationId ?? null } : { decision: "decline" as const };
  const result = await decideAccessRequest(form.data.requestId, decision, session.user, { clientAddress: context.get(clientAddressContext) });
  if (result.kind === "unknown-organization") return data({ link: null, error: "That organization no longer exists." }, { status: 400 });
  const invitation = result.kind === "decided" ? result.invitation : null;
  if (invitation?.kind !== "created") return { link: null, error: null };
  return { link: invitation.delivery === "sent" ? null : invitation.link, error: null };
}

export default function AdminAccessRequests({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const actionData = useActionData<typeof action>();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <section className="stack">
      <h1>{t("admin.accessRequests")}</h1>
      {actionData?.error ? <FormMessage tone="error">{actionData.error}</FormMessage> : null}
      {actionData?.link ? (
        <FormMessage tone="success">
          {t("admin.inviteLinkForRequest")} <code>{actionData.link}</code>
        </FormMessage>
      ) : null}
      {loaderData.requests.length === 0 ? <p>{t("admin.noRequests")}</p> : null}
      {loaderData.requests.map((row) => (
        <article key={row.id} className="service-card">
          <h2>
            {row.name} — {row.organization ? row.organization.name : t("admin.organizationNotListed")}
          </h2>
          {row.organizationNote ? (
            <p>
              {t("admin.organizationNoteFromRequest")} <q>{row.organizationNote}</q>
            </p>
          ) : null}
          <p>
            {row.email} · {when.format(new Date(row.createdAt))}
          </p>
          <p className="description">{row.reason}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="requestId" value={row.id} />
            <OrganizationSelect
              id={`organization-${row.id}`}
              label={t("admin.confirmOrganization")}
              hint={t("admin.confirmOrganizationHint")}
              organizations={loaderData.organizations}
              defaultValue={row.organization?.id ?? ""}
            />
            <p>
              <button type="submit" name="intent" value="approve" className="button primary small">
                {t("admin.approve")}
              </button>{" "}
              <button type="submit" name="intent" value="decline" className="button secondary small">
                {t("admin.decline")}
              </button>
            </p>
          </Form>
        </article>
      ))}
      <p>
        <a href="/admin/organizations">{t("admin.organizations")}</a>
      </p>
    </section>
  );
}
