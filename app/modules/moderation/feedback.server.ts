import { z } from "zod";
import { prisma } from "#app/db.server.ts";
import { isWebUrl } from "#app/modules/directory/contact-links.ts";
import { REPORT_REASONS } from "./options.ts";

// What the public tells us: a problem with a listing, or a service we lack.
// It only ever reaches the moderation queue; nothing is published from it.


export const ReportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: "Choose what is wrong." }),
    details: z.string().trim().max(2000, "Use at most 2,000 characters.").optional(),
    website: z.string().max(0).optional(), // honeypot
  })
  .refine((report) => report.reason !== "OTHER" || (report.details?.length ?? 0) >= 5, {
    path: ["details"],
    message: "Tell us what is wrong.",
  });

export const SuggestionSchema = z.object({
  name: z.string().trim().min(2, "Enter the name of the service.").max(200, "Use at most 200 characters."),
  organizationName: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  website: z
    .string()
    .trim()
    .max(500)
    .refine((value) => value === "" || isWebUrl(value), "Enter a web address starting with https://")
    .optional(),
  contact: z.string().trim().max(300, "Use at most 300 characters.").optional(),
  country: z.string().trim().max(100).optional(),
  description: z.string().trim().min(10, "Tell us a little about the service (at least 10 characters).").max(2000, "Use at most 2,000 characters."),
  homepage: z.string().max(0).optional(), // honeypot
});

export async function submitReport(serviceId: string, input: { reason: (typeof REPORT_REASONS)[number]; details?: string; fromCaseworker?: boolean }) {
  const report = await prisma.listingReport.create({
    data: { serviceId, reason: input.reason, details: input.details || null, fromCaseworker: input.fromCaseworker ?? false },
  });
  return report.id;
}

export async function submitSuggestion(input: Omit<z.output<typeof SuggestionSchema>, "homepage">) {
  const suggestion = await prisma.serviceSuggestion.create({
    data: {
      name: input.name,
      organizationName: input.organizationName || null,
      website: input.website || null,
      contact: input.contact || null,
      country: input.country || null,
      description: input.description,
    },
  });
  return suggestion.id;
}
