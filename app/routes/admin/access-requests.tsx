import { Form, data, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/access-requests";
import { FormMessage } from "#app/components/field.tsx";
import { decideAccessRequest, listPendingAccessRequests } from "#app/modules/accounts/access-requests.server.ts";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { clientAddressContext } from "#app/request-context.server.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "access-request:decide");
  const requests = await listPendingAccessRequests();
  return {
    requests: requests.map((row) => ({
      id: row.id,
      name: row.name,
      organizationName: row.organizationName,
      email: row.email,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

const DecisionSchema = z.object({ requestId: z.uuid(), intent: z.enum(["approve", "decline"]) });

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "access-request:decide");
  const form = await parseForm(request, DecisionSchema);
  if (!form.ok) return data({ link: null }, { status: 400 });
  const result = await decideAccessRequest(form.data.requestId, form.data.intent, session.user, {
    clientAddress: context.get(clientAddressContext),
  });
  const invitation = result?.invitation;
  if (invitation?.kind !== "created") return { link: null };
  return { link: invitation.delivery === "sent" ? null : invitation.link };
}

export default function AdminAccessRequests({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const actionData = useActionData<typeof action>();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <section className="stack">
      <h1>{t("admin.accessRequests")}</h1>
      {actionData?.link ? (
        <FormMessage tone="success">
          {t("admin.inviteLinkForRequest")} <code>{actionData.link}</code>
        </FormMessage>
      ) : null}
      {loaderData.requests.length === 0 ? <p>{t("admin.noRequests")}</p> : null}
      {loaderData.requests.map((row) => (
        <article key={row.id} className="service-card">
          <h2>
            {row.name} — {row.organizationName}
          </h2>
          <p>
            {row.email} · {when.format(new Date(row.createdAt))}
          </p>
          <p className="description">{row.reason}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="requestId" value={row.id} />
            <button type="submit" name="intent" value="approve" className="button primary small">
              {t("admin.approve")}
            </button>{" "}
            <button type="submit" name="intent" value="decline" className="button secondary small">
              {t("admin.decline")}
            </button>
          </Form>
        </article>
      ))}
    </section>
  );
}
