import { Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/listings";
import { prisma } from "#app/db.server.ts";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseSearchParams } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

const ListingSearchSchema = z.object({ q: z.string().trim().max(200).optional() });

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "service:edit");
  const { q } = parseSearchParams(new URL(request.url).searchParams, ListingSearchSchema);
  const services = await prisma.service.findMany({
    where: q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q.toLowerCase() } }] } : {},
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true, slug: true, status: true, organization: { select: { name: true } } },
  });
  return { q: q ?? "", services };
}

export default function ModerationListings({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("moderation.listings")}</h1>
      <p>
        <a href="/moderation/services/new">{t("moderation.newListing")}</a>
      </p>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="q">{t("moderation.searchListings")}</label>
          <input id="q" name="q" type="search" defaultValue={loaderData.q} />
        </div>
        <button type="submit" className="button secondary">
          {t("admin.searchSubmit")}
        </button>
      </Form>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t("editor.name")}</th>
              <th>{t("editor.organization")}</th>
              <th>{t("moderation.status")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.services.map((service) => (
              <tr key={service.id}>
                <td>
                  <a href={`/moderation/services/${service.id}`}>{service.name}</a>
                </td>
                <td>{service.organization.name}</td>
                <td>{service.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
