import { Form, data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/index";
import { Field } from "#app/components/field.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { createList, listsFor } from "#app/modules/referrals/lists.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const session = requirePermission(context, request, "referral:use");
  const { own, shared } = await listsFor(session.user);
  return {
    own: own.map((list) => ({ id: list.id, name: list.name, count: list._count.items, shared: list.sharedWithOrganization })),
    shared: shared.map((list) => ({ id: list.id, name: list.name, count: list._count.items, owner: list.owner.name })),
  };
}

const NewListSchema = z.object({ name: z.string().trim().min(2, "Give the list a name.").max(120, "Use at most 120 characters.") });

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "referral:use");
  const form = await parseForm(request, NewListSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const list = await createList(session.user, form.data.name);
  return redirect(`/caseworker/lists/${list.id}`);
}

export default function CaseworkerHome({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section className="stack">
      <h1>{t("caseworker.heading")}</h1>
      <p>
        <a href="/caseworker/packs">{t("caseworker.packsLink")}</a>
      </p>
      <h2>{t("caseworker.listsHeading")}</h2>
      {loaderData.own.length === 0 ? <p>{t("caseworker.noLists")}</p> : null}
      <ul>
        {loaderData.own.map((list) => (
          <li key={list.id}>
            <a href={`/caseworker/lists/${list.id}`}>{list.name}</a> · {t("caseworker.itemCount", { count: list.count })}
          </li>
        ))}
      </ul>
      <Form method="post" className="stack">
        <Field label={t("caseworker.listName")} name="name" required maxLength={120} error={actionData?.errors.name} />
        <button type="submit" className="button secondary">
          {t("caseworker.createList")}
        </button>
      </Form>
      {loaderData.shared.length > 0 ? (
        <>
          <h2>{t("caseworker.sharedHeading")}</h2>
          <ul>
            {loaderData.shared.map((list) => (
              <li key={list.id}>
                <a href={`/caseworker/lists/${list.id}`}>{list.name}</a> · {t("caseworker.by", { name: list.owner })} ·{" "}
                {t("caseworker.itemCount", { count: list.count })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
