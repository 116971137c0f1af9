import { prisma } from "#app/db.server.ts";
import type { Actor } from "#app/modules/moderation/revisions.server.ts";

/** The staff member an import from the command line is recorded as: an active account allowed to edit listings. */
export async function importAuthor(email: string): Promise<Actor | null> {
  const user = await prisma.user.findFirst({
    where: {
      email: email.trim().toLowerCase(),
      disabledAt: null,
      roles: { some: { role: { permissions: { some: { permission: { name: "service:edit" } } } } } },
    },
    select: { id: true, email: true },
  });
  return user;
}
