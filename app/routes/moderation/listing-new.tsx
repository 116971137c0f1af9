import { data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/listing-new";
import { FormMessage } from "#app/components/field.tsx";
import { ListingEditor } from "#app/components/listing-editor.tsx";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { editorStateFor, submitEditor } from "#app/modules/moderation/editor.server.ts";
import { claimSuggestionForDraft, getSuggestion, prefillFromSuggestion, resolveQueueItem } from "#app/modules/moderation/queue.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { readFormData } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

const SuggestionParam = z.uuid().optional();

async function suggestionFor(id: string | null | undefined) {
  const parsed = SuggestionParam.safeParse(id ?? undefined);
  return parsed.success && parsed.data ? getSuggestion(parsed.data) : null;
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const session = requirePermission(context, request, "service:edit");
  const suggestion = await suggestionFor(new URL(request.url).searchParams.get("suggestion"));
  const prefill = suggestion ? prefillFromSuggestion(suggestion) : {};
  return {
    state: editorStateFor(null, 0, prefill),
    suggestion: suggestion
      ? {
          id: suggestion.id,
          draftServiceId: suggestion.draftServiceId,
          // Drafted already, or being drafted by someone else: a second draft would duplicate it.
          unavailable: suggestion.status === "RESOLVED" || (suggestion.status === "TAKEN" && suggestion.assigneeId !== session.user.id),
        }
      : null,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const session = requirePermission(context, request, "service:edit");
  const formData = await readFormData(request);
  // The suggestion travels in the form, so it survives with and without JavaScript.
  const suggestion = await suggestionFor(formData.get("suggestionId")?.toString());
  if (suggestion && !(await claimSuggestionForDraft(suggestion.id, session.user))) {
    return data({ state: null, suggestionTaken: true }, { status: 409 });
  }
  const outcome = await submitEditor(formData, null, session.user);
  if (outcome.kind === "saved") {
    if (suggestion) await resolveQueueItem("suggestion", suggestion.id, session.user, "Drafted as a new listing", outcome.serviceId);
    return redirect(`/moderation/services/${outcome.serviceId}?saved=${outcome.number}`);
  }
  return data({ state: outcome.state, suggestionTaken: false }, { status: 400 });
}

export default function NewListing({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { suggestion } = loaderData;
  const state = actionData?.state ?? loaderData.state;
  if (suggestion?.unavailable || actionData?.suggestionTaken) {
    return (
      <section>
        <h1>{t("editor.newHeading")}</h1>
        <FormMessage tone="error">{t("editor.suggestionTaken")}</FormMessage>
        {suggestion?.draftServiceId ? <a href={`/moderation/services/${suggestion.draftServiceId}`}>{t("editor.suggestionDraft")}</a> : null}
      </section>
    );
  }
  return (
    <section>
      <h1>{t("editor.newHeading")}</h1>
      <p>{t("editor.intro")}</p>
      {suggestion ? <FormMessage tone="info">{t("editor.fromSuggestion")}</FormMessage> : null}
      {actionData ? <FormMessage tone="error">{t("editor.invalid")}</FormMessage> : null}
      <ListingEditor state={state} action="/moderation/services/new" hidden={suggestion ? { suggestionId: suggestion.id } : undefined} />
    </section>
  );
}
