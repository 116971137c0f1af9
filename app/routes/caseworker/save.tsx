import { data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/save";
import { prisma } from "#app/db.server.ts";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { ListNotFound, addToList, createList } from "#app/modules/referrals/lists.server.ts";
import { parseForm } from "#app/validation.server.ts";

// "Save to a list" on a service page posts here, then returns to that page.
const SaveSchema = z.object({
  serviceId: z.uuid(),
  listId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid().optional()),
  newListName: z.string().trim().max(120).optional(),
});

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "referral:use");
  const form = await parseForm(request, SaveSchema);
  if (!form.ok) throw data(null, { status: 400 });
  const service = await prisma.service.findFirst({ where: { id: form.data.serviceId, status: "PUBLISHED" }, select: { slug: true } });
  if (!service) throw data(null, { status: 404 });
  let listId = form.data.listId;
  if (!listId) listId = (await createList(session.user, form.data.newListName || "My list")).id;
  try {
    await addToList(listId, form.data.serviceId, session.user);
  } catch (error) {
    if (error instanceof ListNotFound) throw data(null, { status: 404 });
    throw error;
  }
  return redirect(`/services/${service.slug}?saved=1`);
}

export function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "referral:use");
  return redirect("/caseworker");
}
