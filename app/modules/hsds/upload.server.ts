import { z } from "zod";
import { prisma } from "#app/db.server.ts";
import type { Actor } from "#app/modules/moderation/revisions.server.ts";
import { importSource, previewImport, type ImportReport } from "./import.server.ts";
import { SourceError, readText } from "./sources.server.ts";
import { MAX_UPLOAD_BYTES } from "./limits.ts";

// The moderators' import page: an uploaded HSDS 3 JSON or NDJSON file, first
// previewed (what would be created, updated, left alone or refused, and why),
// then imported as drafts once they confirm. The file waits in the database
// between the two steps (an hour at most, for its uploader only), so the
// confirmation names it by id instead of sending megabytes back.

/** How long a previewed file waits for its confirmation. */
export const PREVIEW_LIFETIME_MS = 60 * 60_000;


const OptionsSchema = z.object({
  source: z.preprocess((value) => (typeof value === "string" && value.trim() ? value.trim() : undefined), z.string().max(200).optional()),
  country: z.preprocess(
    (value) => (typeof value === "string" && value.trim() ? value.trim().toUpperCase() : undefined),
    z.string().regex(/^[A-Z]{2}$/, "A two-letter country code such as GB, or leave it empty.").optional(),
  ),
  language: z.preprocess(
    (value) => (typeof value === "string" && value.trim() ? value.trim().toLowerCase() : undefined),
    z.string().regex(/^[a-z]{2,3}$/, "A language code such as en, or leave it empty.").optional(),
  ),
});

export type UploadOutcome =
  | { kind: "errors"; errors: Record<string, string> }
  | { kind: "preview"; report: ImportReport; previewId: string; fileName: string; source: string; country?: string; language?: string }
  | { kind: "imported"; report: ImportReport; source: string };

const PreviewIdSchema = z.uuid();

export async function handleUpload(formData: FormData, author: Actor, now = new Date()): Promise<UploadOutcome> {
  if (formData.get("intent") === "import") return confirmUpload(formData, author, now);
  const options = OptionsSchema.safeParse(Object.fromEntries(formData));
  if (!options.success) {
    return { kind: "errors", errors: Object.fromEntries(options.error.issues.map((issue) => [String(issue.path[0]), issue.message])) };
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { kind: "errors", errors: { file: "Choose an HSDS 3 JSON or NDJSON file." } };
  if (file.size > MAX_UPLOAD_BYTES) return { kind: "errors", errors: { file: "The file is larger than 5 MB: ask an administrator to import it from the command line." } };
  const payload = await file.text();
  let source;
  try {
    source = readText(payload, file.name);
  } catch (error) {
    if (error instanceof SourceError) return { kind: "errors", errors: { file: error.message } };
    throw error;
  }
  const sourceName = options.data.source ?? file.name;
  const report = await previewImport(source, { source: sourceName, author, country: options.data.country, language: options.data.language });
  const preview = await prisma.importPreview.create({
    data: {
      authorId: author.id,
      fileName: file.name,
      source: sourceName,
      country: options.data.country ?? null,
      language: options.data.language ?? null,
      payload,
      expiresAt: new Date(now.getTime() + PREVIEW_LIFETIME_MS),
    },
  });
  return { kind: "preview", report, previewId: preview.id, fileName: file.name, source: sourceName, country: options.data.country, language: options.data.language };
}

async function confirmUpload(formData: FormData, author: Actor, now: Date): Promise<UploadOutcome> {
  const id = PreviewIdSchema.safeParse(formData.get("previewId"));
  // Claimed by deleting it: a double click imports once.
  const preview = id.success ? await prisma.importPreview.findFirst({ where: { id: id.data, authorId: author.id, expiresAt: { gt: now } } }) : null;
  const claimed = preview ? (await prisma.importPreview.deleteMany({ where: { id: preview.id } })).count === 1 : false;
  if (!preview || !claimed) return { kind: "errors", errors: { file: "This preview has expired or was imported already: check the file again." } };
  const source = readText(preview.payload, preview.fileName);
  const options = { source: preview.source, author, country: preview.country ?? undefined, language: preview.language ?? undefined };
  return { kind: "imported", report: await importSource(source, options), source: preview.source };
}

/** Previews nobody confirmed in time (the hourly clean-up). */
export async function deleteExpiredImportPreviews(now = new Date()): Promise<number> {
  const { count } = await prisma.importPreview.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
