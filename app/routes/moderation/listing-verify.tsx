import { Form, data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/listing-verify";
import { Field, FormMessage, SelectField, TextAreaField } from "#app/components/field.tsx";
import { prisma } from "#app/db.server.ts";
import { requirePermission } from "#app/modules/accounts/guards.server.ts";
import { VerificationError, listVerifications, recordVerification } from "#app/modules/moderation/verification.server.ts";
import { VERIFICATION_METHODS, VERIFICATION_OUTCOMES } from "#app/modules/moderation/options.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { parseForm } from "#app/validation.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.staff") }];
}

async function loadService(serviceId: string | undefined) {
  const id = z.uuid().safeParse(serviceId);
  const service = id.success
    ? await prisma.service.findUnique({
        where: { id: id.data },
        select: { id: true, name: true, lastVerifiedAt: true, nextVerificationDueAt: true, verificationIntervalMonths: true },
      })
    : null;
  if (!service) throw data(null, { status: 404 });
  return service;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requirePermission(context, request, "verification:record");
  const service = await loadService(params.serviceId);
  const verifications = await listVerifications(service.id);
  return {
    service: { ...service, lastVerifiedAt: service.lastVerifiedAt?.toISOString() ?? null, nextVerificationDueAt: service.nextVerificationDueAt?.toISOString() ?? null },
    verifications: verifications.map((row) => ({ id: row.id, verifiedAt: row.verifiedAt.toISOString(), method: row.method, outcome: row.outcome, notes: row.notes, verifier: row.verifier.name })),
    today: new Date().toISOString().slice(0, 10),
  };
}

const VerificationSchema = z.object({
  verifiedAt: z.iso.date("Use a date such as 2026-11-28.").refine((value) => new Date(value) <= new Date(), "The date cannot be in the future."),
  // Nothing is preselected, so one click cannot record a confirmed check.
  method: z.enum(VERIFICATION_METHODS, { error: "Choose how you checked." }),
  outcome: z.enum(VERIFICATION_OUTCOMES, { error: "Choose the outcome of the check." }),
  notes: z.string().trim().max(2000).optional(),
  intervalMonths: z.coerce.number({ error: "Months: a whole number." }).int().min(1).max(24),
});

export async function action({ context, request, params }: Route.ActionArgs) {
  const session = requirePermission(context, request, "verification:record");
  const service = await loadService(params.serviceId);
  const form = await parseForm(request, VerificationSchema);
  // What was typed comes back with the errors, so no choice has to be made twice.
  if (!form.ok) return data({ errors: form.errors, values: form.values, recorded: false }, { status: 400 });
  try {
    await recordVerification(
      service.id,
      { ...form.data, verifiedAt: new Date(`${form.data.verifiedAt}T12:00:00Z`), notes: form.data.notes || undefined },
      session.user,
    );
  } catch (error) {
    if (error instanceof VerificationError) {
      const values: Record<string, string> = { ...form.data, intervalMonths: String(form.data.intervalMonths), notes: form.data.notes ?? "" };
      return data({ errors: { [error.field]: error.message } as Record<string, string>, values, recorded: false }, { status: 400 });
    }
    throw error;
  }
  return { errors: {} as Record<string, string>, values: {} as Record<string, string>, recorded: true };
}

export default function VerifyListing({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { service, verifications, today } = loaderData;
  const optionLabel = (code: string) => code.toLowerCase().replace(/_/g, " ");
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <section className="stack">
      <h1>{t("moderation.verifyHeading", { name: service.name })}</h1>
      <p>
        <a href={`/moderation/services/${service.id}`}>{service.name}</a>
      </p>
      <ul data-testid="check-dates">
        <li>{service.lastVerifiedAt ? t("moderation.lastChecked", { date: date.format(new Date(service.lastVerifiedAt)) }) : t("moderation.lastCheckedNever")}</li>
        <li>{service.nextVerificationDueAt ? t("moderation.nextCheckDue", { date: date.format(new Date(service.nextVerificationDueAt)) }) : t("moderation.nextCheckNone")}</li>
      </ul>
      {actionData?.recorded ? <FormMessage tone="success">{t("moderation.checkRecorded")}</FormMessage> : null}
      <Form method="post" className="stack">
        <Field label={t("moderation.verifiedAt")} name="verifiedAt" type="date" defaultValue={values.verifiedAt ?? today} max={today} required error={errors.verifiedAt} />
        <SelectField label={t("moderation.method")} name="method" defaultValue={values.method ?? ""} required error={errors.method}>
          <option value="" disabled>
            {t("moderation.choose")}
          </option>
          {VERIFICATION_METHODS.map((method) => (
            <option key={method} value={method}>
              {optionLabel(method)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("moderation.outcome")} name="outcome" defaultValue={values.outcome ?? ""} required error={errors.outcome}>
          <option value="" disabled>
            {t("moderation.choose")}
          </option>
          {VERIFICATION_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {optionLabel(outcome)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("moderation.interval")}
          name="intervalMonths"
          type="number"
          min={1}
          max={24}
          defaultValue={values.intervalMonths ?? service.verificationIntervalMonths}
          error={errors.intervalMonths}
        />
        <TextAreaField label={t("moderation.notes")} name="notes" hint={t("moderation.notesHint")} maxLength={2000} defaultValue={values.notes} error={errors.notes} />
        <button type="submit" className="button primary">
          {t("moderation.recordCheck")}
        </button>
      </Form>
      <ul>
        {verifications.map((row) => (
          <li key={row.id}>
            {date.format(new Date(row.verifiedAt))} · {row.method} · {row.outcome} · {row.verifier}
            {row.notes ? ` — ${row.notes}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
