import { Form, data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/list";
import { FormMessage } from "#app/components/field.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { ListNotFound, type Viewer, deleteList, getList, moveItem, removeFromList, setItemNote, setListShared } from "#app/modules/referrals/lists.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

// Someone else's list is "not found", never "forbidden": ids reveal nothing.
async function loadList(listId: string | undefined, viewer: Viewer) {
  const id = z.uuid().safeParse(listId);
  try {
    if (!id.success) throw new ListNotFound();
    return await getList(id.data, viewer);
  } catch (error) {
    if (error instanceof ListNotFound) throw data(null, { status: 404 });
    throw error;
  }
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const session = requirePermission(context, request, "referral:use");
  const { list, canEdit } = await loadList(params.listId, session.user);
  return {
    canEdit,
    list: {
      id: list.id,
      name: list.name,
      shared: list.sharedWithOrganization,
      owner: list.owner.name,
      items: list.items.map((item) => ({
        id: item.id,
        note: item.note,
        service: { id: item.service.id, slug: item.service.slug, name: item.service.name, shortDescription: item.service.shortDescription, listed: item.service.status === "PUBLISHED" },
      })),
    },
  };
}

const ListActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("note"), itemId: z.uuid(), note: z.string().trim().max(1000, "Use at most 1,000 characters.") }),
  z.object({ intent: z.enum(["up", "down", "remove"]), itemId: z.uuid() }),
  z.object({ intent: z.enum(["share", "unshare", "delete"]) }),
]);

export async function action({ context, request, params }: Route.ActionArgs) {
  const session = requirePermission(context, request, "referral:use");
  const { list, canEdit } = await loadList(params.listId, session.user);
  if (!canEdit) throw data(null, { status: 404 });
  const form = await parseForm(request, ListActionSchema);
  if (!form.ok) return data({ error: Object.values(form.errors)[0] ?? "" }, { status: 400 });
  const owner = session.user;
  switch (form.data.intent) {
    case "note":
      await setItemNote(list.id, form.data.itemId, form.data.note, owner);
      break;
    case "up":
    case "down":
      await moveItem(list.id, form.data.itemId, form.data.intent, owner);
      break;
    case "remove":
      await removeFromList(list.id, form.data.itemId, owner);
      break;
    case "share":
    case "unshare":
      await setListShared(list.id, form.data.intent === "share", owner);
      break;
    case "delete":
      await deleteList(list.id, owner);
      return redirect("/caseworker");
  }
  return redirect(`/caseworker/lists/${list.id}`);
}

export default function SavedListPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { list, canEdit } = loaderData;
  const listed = list.items.filter((item) => item.service.listed);
  const packLink = `/caseworker/packs/new?${listed.map((item) => `service=${item.service.id}`).join("&")}`;
  return (
    <section className="stack">
      <h1>{list.name}</h1>
      {!canEdit ? <FormMessage tone="info">{t("caseworker.readOnly", { name: list.owner })}</FormMessage> : null}
      {actionData?.error ? <FormMessage tone="error">{actionData.error}</FormMessage> : null}
      {list.items.length === 0 ? <p>{t("caseworker.emptyList")}</p> : null}
      <ol className="queue">
        {list.items.map((item, index) => (
          <li key={item.id} data-testid="list-item">
            <a href={`/services/${item.service.slug}`}>{item.service.name}</a> {item.service.listed ? null : <em>{t("caseworker.unavailable")}</em>}
            <p className="hint">{item.service.shortDescription}</p>
            {canEdit ? (
              <>
                <Form method="post" className="stack">
                  <input type="hidden" name="itemId" value={item.id} />
                  <label htmlFor={`note-${item.id}`}>{t("caseworker.note")}</label>
                  <textarea id={`note-${item.id}`} name="note" maxLength={1000} defaultValue={item.note ?? ""} />
                  <button type="submit" name="intent" value="note" className="button secondary small">
                    {t("caseworker.saveNote")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="itemId" value={item.id} />
                  {index > 0 ? (
                    <button type="submit" name="intent" value="up" className="button secondary small">
                      {t("caseworker.up")}
                    </button>
                  ) : null}{" "}
                  {index < list.items.length - 1 ? (
                    <button type="submit" name="intent" value="down" className="button secondary small">
                      {t("caseworker.down")}
                    </button>
                  ) : null}{" "}
                  <button type="submit" name="intent" value="remove" className="button secondary small">
                    {t("caseworker.remove")}
                  </button>
                </Form>
              </>
            ) : item.note ? (
              <p>{item.note}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {listed.length > 0 ? (
        <p>
          <a className="button primary" href={packLink}>
            {t("caseworker.makePack")}
          </a>
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post">
          <button type="submit" name="intent" value={list.shared ? "unshare" : "share"} className="button secondary">
            {list.shared ? t("caseworker.unshare") : t("caseworker.shareOn")}
          </button>{" "}
          <button type="submit" name="intent" value="delete" className="button secondary">
            {t("caseworker.deleteList")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
