import { z } from "zod";
import type { Actor } from "#app/modules/moderation/revisions.server.ts";
import { importSource, previewImport, type ImportReport } from "./import.server.ts";
import { SourceError, readText } from "./sources.server.ts";
import { MAX_UPLOAD_BYTES } from "./limits.ts";

// The moderators' import page: an uploaded HSDS 3 JSON or NDJSON file, first
// previewed (what would be created, updated, left alone or refused, and why),
// then imported as drafts once they confirm. The file travels back with the
// confirmation, so nothing is kept between the two steps.


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
  | { kind: "preview"; report: ImportReport; payload: string; fileName: string; source: string; country?: string; language?: string }
  | { kind: "imported"; report: ImportReport; source: string };

export async function handleUpload(formData: FormData, author: Actor): Promise<UploadOutcome> {
  const options = OptionsSchema.safeParse(Object.fromEntries(formData));
  if (!options.success) {
    return { kind: "errors", errors: Object.fromEntries(options.error.issues.map((issue) => [String(issue.path[0]), issue.message])) };
  }
  const confirming = formData.get("intent") === "import";
  const file = formData.get("file");
  let payload: string;
  let fileName: string;
  if (confirming) {
    payload = String(formData.get("payload") ?? "");
    fileName = String(formData.get("fileName") ?? "upload.json");
  } else {
    if (!(file instanceof File) || file.size === 0) return { kind: "errors", errors: { file: "Choose an HSDS 3 JSON or NDJSON file." } };
    if (file.size > MAX_UPLOAD_BYTES) return { kind: "errors", errors: { file: "The file is larger than 5 MB: import it with npm run hsds:import." } };
    payload = await file.text();
    fileName = file.name;
  }
  let source;
  try {
    source = readText(payload, fileName);
  } catch (error) {
    if (error instanceof SourceError) return { kind: "errors", errors: { file: error.message } };
    throw error;
  }
  const sourceName = options.data.source ?? fileName;
  const importOptions = { source: sourceName, author, country: options.data.country, language: options.data.language };
  if (confirming) return { kind: "imported", report: await importSource(source, importOptions), source: sourceName };
  return { kind: "preview", report: await previewImport(source, importOptions), payload, fileName, source: sourceName, country: options.data.country, language: options.data.language };
}
