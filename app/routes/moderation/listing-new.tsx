import { data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/listing-new";
import { FormMessage } from "#app/components/field.tsx";
import { ListingEditor } from "#app/components/listing-editor.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { editorStateFor, submitEditor } from "#app/modules/moderation/editor.server.ts";
import { getSuggestion, resolveQueueItem } from "#app/modules/moderation/queue.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { readFormData } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

const SuggestionParam = z.uuid().optional();

async function suggestionFor(request: Request) {
  const id = SuggestionParam.safeParse(new URL(request.url).searchParams.get("suggestion") ?? undefined);
  return id.success && id.data ? getSuggestion(id.data) : null;
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePermission(context, request, "service:edit");
  const suggestion = await suggestionFor(request);
  // A public suggestion only pre-fills the form; a moderator checks and completes it.
  const prefill: Record<string, string> = suggestion
    ? {
        name: suggestion.name,
        "organization.name": suggestion.organizationName ?? "",
        website: suggestion.website ?? "",
        sourceUrl: suggestion.website ?? "",
        description: suggestion.description,
        "contactChannels[0].value": suggestion.contact ?? "",
      }
    : {};
  return { state: editorStateFor(null, 0, prefill), fromSuggestion: suggestion !== null };
}

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "service:edit");
  const suggestion = await suggestionFor(request);
  const outcome = await submitEditor(await readFormData(request), null, session.user);
  if (outcome.kind === "saved") {
    if (suggestion) await resolveQueueItem("suggestion", suggestion.id, session.user, "Drafted as a new listing", outcome.serviceId);
    return redirect(`/moderation/services/${outcome.serviceId}?saved=${outcome.number}`);
  }
  return data({ state: outcome.state }, { status: 400 });
}

export default function NewListing({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const state = actionData?.state ?? loaderData.state;
  return (
    <section>
      <h1>{t("editor.newHeading")}</h1>
      <p>{t("editor.intro")}</p>
      {loaderData.fromSuggestion ? <FormMessage tone="info">{t("editor.fromSuggestion")}</FormMessage> : null}
      {actionData ? <FormMessage tone="error">{t("editor.invalid")}</FormMessage> : null}
      <ListingEditor state={state} action={loaderData.fromSuggestion ? "" : "/moderation/services/new"} />
    </section>
  );
}
