import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing, createStaffUser } from "#tests/factories.ts";
import { translator } from "#app/modules/i18n/catalogues.server.ts";
import { ListNotFound, addToList, createList, getList, listsFor, moveItem, setItemNote, setListShared } from "./lists.server.ts";
import { createPack, deleteExpiredPacks, openPack, packAsText, revokePack } from "./packs.server.ts";

const DAY = 86_400_000;

async function caseworker(organizationName: string | null) {
  const user = await createStaffUser({ roles: ["caseworker"] });
  const organization = organizationName
    ? await prisma.staffOrganization.upsert({ where: { name: organizationName }, create: { name: organizationName, country: "FR" }, update: {} })
    : null;
  return prisma.user.update({ where: { id: user.id }, data: { organizationId: organization?.id ?? null } });
}

async function serviceIds(...slugs: string[]) {
  const ids: string[] = [];
  for (const slug of slugs) {
    await createListing({ slug, name: `Service ${slug}`, contactChannels: [{ kind: "PHONE", value: "0800 123 456" }] });
    ids.push((await prisma.service.findUniqueOrThrow({ where: { slug } })).id);
  }
  return ids;
}

beforeEach(async () => {
  await clearDirectory();
  await prisma.referralPack.deleteMany();
  await prisma.savedList.deleteMany();
});

describe("saved lists", () => {
  test("an owner orders services and keeps private notes", async () => {
    const owner = await caseworker("Lyon Family Centre");
    const [a, b, c] = await serviceIds("a", "b", "c");
    const list = await createList(owner, "Teen referrals – Lyon");
    for (const id of [a!, b!, c!]) await addToList(list.id, id, owner);
    await addToList(list.id, a!, owner); // saving twice keeps one entry
    let { list: loaded } = await getList(list.id, owner);
    expect(loaded.items.map((item) => item.service.slug)).toEqual(["a", "b", "c"]);

    await moveItem(list.id, loaded.items[2]!.id, "up", owner);
    await setItemNote(list.id, loaded.items[0]!.id, "Intake takes a week; call in the morning", owner);
    ({ list: loaded } = await getList(list.id, owner));
    expect(loaded.items.map((item) => item.service.slug)).toEqual(["a", "c", "b"]);
    expect(loaded.items[0]!.note).toBe("Intake takes a week; call in the morning");
  });

  test("others get 'not found'; colleagues of the same organization read a shared list, read-only", async () => {
    const owner = await caseworker("Lyon Family Centre");
    const colleague = await caseworker("Lyon Family Centre");
    const stranger = await caseworker("Another Charity");
    const list = await createList(owner, "Shared list");
    await expect(getList(list.id, colleague)).rejects.toBeInstanceOf(ListNotFound);
    await expect(getList(list.id, stranger)).rejects.toBeInstanceOf(ListNotFound);

    await setListShared(list.id, true, owner);
    expect(await getList(list.id, colleague)).toMatchObject({ canEdit: false });
    await expect(getList(list.id, stranger)).rejects.toBeInstanceOf(ListNotFound);
    await expect(addToList(list.id, (await serviceIds("x"))[0]!, colleague)).rejects.toBeInstanceOf(ListNotFound);
    expect((await listsFor(colleague)).shared.map((shared) => shared.id)).toEqual([list.id]);
    expect((await listsFor(stranger)).shared).toEqual([]);
  });
});

describe("referral packs", () => {
  test("a pack holds service references, a message and its author; only the token's hash is stored", async () => {
    const author = await caseworker(null);
    const ids = await serviceIds("a", "b");
    const { token, packId } = await createPack({ serviceIds: ids, message: "These can help. Call any time.", locale: "en", expiresInDays: 14 }, author);
    const row = await prisma.referralPack.findUniqueOrThrow({ where: { id: packId } });
    expect(Object.keys(row).sort()).toEqual(["authorId", "createdAt", "expiresAt", "id", "locale", "message", "revokedAt", "tokenHash"]);
    expect(Buffer.from(row.tokenHash).toString("utf8")).not.toContain(token);
    expect(token).toMatch(/^[a-z2-9]{32}$/);

    const opened = await openPack(token);
    expect(opened.status).toBe("active");
    if (opened.status !== "active") return;
    expect(opened.services.map((service) => service.slug)).toEqual(["a", "b"]);
    const text = packAsText(opened, "https://signpost.example/p/x", translator("en"));
    expect(text).toContain("These can help. Call any time.");
    expect(text).toContain("Service a");
    expect(text).toContain("Call: 0800 123 456");
    expect(text).toContain("https://signpost.example/p/x");
  });

  test("shows the services as they are now, noting any no longer listed", async () => {
    const author = await caseworker(null);
    const ids = await serviceIds("a", "b");
    const { token } = await createPack({ serviceIds: ids, locale: "en", expiresInDays: 14 }, author);
    await prisma.service.update({ where: { id: ids[1] }, data: { status: "ARCHIVED", name: "changed" } });
    await prisma.service.update({ where: { id: ids[0] }, data: { name: "Renamed service" } });
    const opened = await openPack(token);
    expect(opened).toMatchObject({ status: "active", noLongerListed: 1, services: [{ name: "Renamed service" }] });
  });

  test("a link stops working when it expires or is revoked, and expired packs are deleted", async () => {
    const author = await caseworker(null);
    const ids = await serviceIds("a");
    const now = new Date("2026-11-28T12:00:00Z");
    const short = await createPack({ serviceIds: ids, locale: "en", expiresInDays: 1 }, author, now);
    const long = await createPack({ serviceIds: ids, locale: "en", expiresInDays: 30 }, author, now);
    expect((await openPack(short.token, new Date(now.getTime() + DAY - 1))).status).toBe("active");
    expect((await openPack(short.token, new Date(now.getTime() + DAY))).status).toBe("gone");

    const other = await caseworker(null);
    expect(await revokePack(long.packId, other)).toBe(false);
    expect(await revokePack(long.packId, author)).toBe(true);
    expect((await openPack(long.token, now)).status).toBe("gone");

    expect(await deleteExpiredPacks(new Date(now.getTime() + 2 * DAY))).toBe(1);
    expect(await prisma.referralPack.findUnique({ where: { id: short.packId } })).toBeNull();
    expect(await prisma.referralPack.findUnique({ where: { id: long.packId } })).not.toBeNull();
    expect((await openPack("not-a-token")).status).toBe("gone");
  });
});

describe("audit", () => {
  test("19 audit: pack creation and revocation, list sharing and note edits are recorded, without the note or the message", async () => {
    const owner = await caseworker("Lyon Family Centre");
    const [a] = await serviceIds("a");
    const list = await createList(owner, "Teen referrals");
    await addToList(list.id, a!, owner);
    const { list: loaded } = await getList(list.id, owner);
    const itemId = loaded.items[0]!.id;
    await setItemNote(list.id, itemId, "Client J. aged 14 at risk", owner);
    await setListShared(list.id, true, owner);
    await setListShared(list.id, false, owner);
    const { packId } = await createPack({ serviceIds: [a!], message: "For J., call today", locale: "en", expiresInDays: 7 }, owner);
    expect(await revokePack(packId, owner)).toBe(true);
    expect(await revokePack(packId, owner)).toBe(false); // already revoked: nothing more to record

    const events = await prisma.auditEvent.findMany({ where: { actorId: owner.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.targetType, event.targetId])).toEqual([
      ["saved_list.note_changed", "saved_list", list.id],
      ["saved_list.shared", "saved_list", list.id],
      ["saved_list.unshared", "saved_list", list.id],
      ["referral_pack.created", "referral_pack", packId],
      ["referral_pack.revoked", "referral_pack", packId],
    ]);
    expect(events.every((event) => event.actorEmail === owner.email)).toBe(true);
    expect(events[3]!.details).toEqual({ services: 1, expiresInDays: 7 });
    // Client data stays out of the log: neither the note nor the message is copied.
    const logged = JSON.stringify(events.map((event) => event.details));
    expect(logged).not.toContain("Client J.");
    expect(logged).not.toContain("For J.");
  });
});
