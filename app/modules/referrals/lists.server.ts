import { prisma } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/accounts/audit.server.ts";

// Saved lists: a caseworker's own lists of services, with private notes.
// A list is seen by its owner, and read-only by colleagues of the same
// organization (the record an admin put both in, by id) when the owner shares it; to anyone else it does not exist
// (404, not 403, so list ids reveal nothing).

export type Viewer = { id: string; email: string; organizationId: string | null };

export class ListNotFound extends Error {
  constructor() {
    super("No such list");
  }
}

export async function createList(owner: Viewer, name: string) {
  return prisma.savedList.create({ data: { ownerId: owner.id, name } });
}

export async function listsFor(viewer: Viewer) {
  const [own, shared] = await Promise.all([
    prisma.savedList.findMany({ where: { ownerId: viewer.id }, orderBy: { updatedAt: "desc" }, include: { _count: { select: { items: true } } } }),
    viewer.organizationId
      ? prisma.savedList.findMany({
          where: { sharedWithOrganization: true, ownerId: { not: viewer.id }, owner: { organizationId: viewer.organizationId, disabledAt: null } },
          orderBy: { updatedAt: "desc" },
          include: { _count: { select: { items: true } }, owner: { select: { name: true } } },
        })
      : Promise.resolve([]),
  ]);
  return { own, shared };
}

/** The list as this viewer may see it, or ListNotFound. */
export async function getList(listId: string, viewer: Viewer) {
  const list = await prisma.savedList.findUnique({
    where: { id: listId },
    include: {
      owner: { select: { id: true, name: true, organizationId: true, disabledAt: true } },
      items: { orderBy: { position: "asc" }, include: { service: { select: { id: true, slug: true, name: true, status: true, shortDescription: true } } } },
    },
  });
  if (!list) throw new ListNotFound();
  const isOwner = list.ownerId === viewer.id;
  const isColleague =
    list.sharedWithOrganization && viewer.organizationId !== null && list.owner.organizationId === viewer.organizationId && !list.owner.disabledAt;
  if (!isOwner && !isColleague) throw new ListNotFound();
  return { list, canEdit: isOwner };
}

async function ownedList(listId: string, owner: Viewer) {
  const list = await prisma.savedList.findFirst({ where: { id: listId, ownerId: owner.id } });
  if (!list) throw new ListNotFound();
  return list;
}

export async function addToList(listId: string, serviceId: string, owner: Viewer) {
  await ownedList(listId, owner);
  const last = await prisma.savedListItem.findFirst({ where: { listId }, orderBy: { position: "desc" } });
  await prisma.savedListItem.upsert({
    where: { listId_serviceId: { listId, serviceId } },
    create: { listId, serviceId, position: (last?.position ?? -1) + 1 },
    update: {},
  });
  await prisma.savedList.update({ where: { id: listId }, data: { updatedAt: new Date() } });
}

export async function removeFromList(listId: string, itemId: string, owner: Viewer) {
  await ownedList(listId, owner);
  await prisma.savedListItem.deleteMany({ where: { id: itemId, listId } });
}

export async function setItemNote(listId: string, itemId: string, note: string, owner: Viewer) {
  await ownedList(listId, owner);
  const changed = await prisma.savedListItem.updateMany({ where: { id: itemId, listId }, data: { note: note || null } });
  // Which item, never the note: notes are about clients.
  if (changed.count === 1) await recordAudit({ action: "saved_list.note_changed", actor: owner, targetType: "saved_list", targetId: listId, details: { itemId } });
}

/** Swaps an item with its neighbour above or below. */
export async function moveItem(listId: string, itemId: string, direction: "up" | "down", owner: Viewer) {
  await ownedList(listId, owner);
  await prisma.$transaction(async (tx) => {
    const items = await tx.savedListItem.findMany({ where: { listId }, orderBy: { position: "asc" } });
    const index = items.findIndex((item) => item.id === itemId);
    const other = items[direction === "up" ? index - 1 : index + 1];
    const item = items[index];
    if (!item || !other) return;
    await tx.savedListItem.update({ where: { id: item.id }, data: { position: -1 } });
    await tx.savedListItem.update({ where: { id: other.id }, data: { position: item.position } });
    await tx.savedListItem.update({ where: { id: item.id }, data: { position: other.position } });
  });
}

export async function setListShared(listId: string, shared: boolean, owner: Viewer) {
  await ownedList(listId, owner);
  await prisma.savedList.update({ where: { id: listId }, data: { sharedWithOrganization: shared } });
  await recordAudit({ action: shared ? "saved_list.shared" : "saved_list.unshared", actor: owner, targetType: "saved_list", targetId: listId });
}

export async function deleteList(listId: string, owner: Viewer) {
  await ownedList(listId, owner);
  await prisma.savedList.delete({ where: { id: listId } });
}
