import fs from "node:fs";
import path from "node:path";
import { beforeEach, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createStaffUser } from "#tests/factories.ts";
import { PREVIEW_LIFETIME_MS, deleteExpiredImportPreviews, handleUpload } from "./upload.server.ts";

// The upload page's two steps: a preview kept server-side, confirmed by its id.

const serviceFull = fs.readFileSync(path.resolve("tests/fixtures/hsds/spec/service_full.json"), "utf8");
let moderator: { id: string; email: string };

beforeEach(async () => {
  await clearDirectory();
  moderator = await createStaffUser({ roles: ["moderator"] });
});

function upload(content: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("file", new File([content], "feed.json", { type: "application/json" }));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

function confirm(previewId: string) {
  const form = new FormData();
  form.set("intent", "import");
  form.set("previewId", previewId);
  return form;
}

test("23.3 the preview is kept server-side and confirmed once, by its uploader, by id", async () => {
  const preview = await handleUpload(upload(serviceFull, { country: "GB" }), moderator);
  if (preview.kind !== "preview") throw new Error(preview.kind);
  expect(preview).not.toHaveProperty("payload");
  const other = await createStaffUser({ roles: ["moderator"] });
  expect((await handleUpload(confirm(preview.previewId), other)).kind).toBe("errors");
  const imported = await handleUpload(confirm(preview.previewId), moderator);
  expect(imported).toMatchObject({ kind: "imported", report: { created: 1 } });
  expect(await handleUpload(confirm(preview.previewId), moderator)).toMatchObject({ kind: "errors" });
  expect(await prisma.importPreview.count()).toBe(0);
});

test("23.3 an unconfirmed preview expires, and the clean-up deletes it", async () => {
  const now = new Date();
  const preview = await handleUpload(upload(serviceFull, { country: "GB" }), moderator, now);
  if (preview.kind !== "preview") throw new Error(preview.kind);
  const later = new Date(now.getTime() + PREVIEW_LIFETIME_MS + 1000);
  expect(await handleUpload(confirm(preview.previewId), moderator, later)).toMatchObject({ kind: "errors" });
  expect(await deleteExpiredImportPreviews(later)).toBe(1);
});

test("23.10 the preview promises what the import makes, and names what it supplied itself", async () => {
  const service = JSON.parse(serviceFull);
  const preview = await handleUpload(upload(JSON.stringify([service, service]), { country: "GB" }), moderator);
  if (preview.kind !== "preview") throw new Error(preview.kind);
  expect(preview.report.created).toBe(1);
  expect(preview.report.rejected.map((rejection) => rejection.reason)).toEqual(["the same id appears twice in this source"]);
  expect(preview.report.planned).toEqual([
    expect.objectContaining({ name: service.name, action: "create", defaults: expect.arrayContaining([expect.stringMatching(/^address name made up: /)]) }),
  ]);
  const imported = await handleUpload(confirm(preview.previewId), moderator);
  expect(imported).toMatchObject({ kind: "imported", report: { created: 1 } });
});
