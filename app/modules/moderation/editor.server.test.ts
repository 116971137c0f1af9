import { beforeEach, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing, createStaffUser } from "#tests/factories.ts";
import { editorStateFor, submitEditor } from "./editor.server.ts";
import { currentListing } from "./snapshot.server.ts";

// The editor as a moderator uses it: the form's own fields, posted back.

let moderator: { id: string; email: string };
beforeEach(async () => {
  await clearDirectory();
  moderator = await createStaffUser({ roles: ["moderator"] });
});

async function editorForm(slug: string, change: Record<string, string>) {
  const service = await prisma.service.findUniqueOrThrow({ where: { slug } });
  const state = editorStateFor(await currentListing(service.id), 0);
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...state.values, reason: "A test edit", ...change })) form.set(name, value);
  for (const [name, codes] of Object.entries({ category: state.lists.category, audience: state.lists.audience, access: state.lists.access })) {
    for (const code of codes) form.append(name, code);
  }
  return { form, serviceId: service.id };
}

test("23.5 every problem shows at its field at once, in plain words", async () => {
  await createListing({ slug: "helpline" });
  const { form, serviceId } = await editorForm("helpline", {
    languages: "English, Polish",
    "safety.minimumAge": "16",
    "safety.maximumAge": "12",
    website: "not a web address",
    shortDescription: "",
  });
  const outcome = await submitEditor(form, serviceId, moderator);
  expect(outcome.kind).toBe("invalid");
  if (outcome.kind !== "invalid") return;
  expect(outcome.state.errors).toMatchObject({
    languages: "Use language codes such as en or pl, not names.",
    "safety.maximumAge": "The maximum age is below the minimum age.",
    website: "Write a full web address, starting with https://",
    shortDescription: "This is required.",
  });
  expect(Object.values(outcome.state.errors).join(" ")).not.toMatch(/Invalid input|expected string|Invalid URL/);
});
