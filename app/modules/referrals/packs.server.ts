import { prisma } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/accounts/audit.server.ts";
import { hashSecret, randomString } from "#app/modules/accounts/tokens.server.ts";
import { loadSummaries, type ServiceSummary } from "#app/modules/directory/service-summary.server.ts";
import type { Translate } from "#app/modules/i18n/translate.ts";

// Referral packs: services handed to a person, to print or to open by a link
// that expires. A pack holds service references, a message and its author —
// never the person's name or anything about them. The link's token has 160
// bits of randomness and only its hash is stored: the link is shown once.

const DAY = 86_400_000;

export async function createPack(
  input: { serviceIds: string[]; message?: string; locale: string; expiresInDays: number },
  author: { id: string; email: string },
  now = new Date(),
) {
  const token = randomString(32);
  const services = await prisma.service.findMany({ where: { id: { in: input.serviceIds }, status: "PUBLISHED" }, select: { id: true } });
  const published = new Set(services.map((service) => service.id));
  const ordered = [...new Set(input.serviceIds)].filter((id) => published.has(id));
  if (ordered.length === 0) throw new Error("A pack needs at least one published service");
  const pack = await prisma.referralPack.create({
    data: {
      authorId: author.id,
      message: input.message?.trim() || null,
      locale: input.locale,
      tokenHash: Buffer.from(hashSecret(token)),
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY),
      createdAt: now,
      items: { create: ordered.map((serviceId, position) => ({ serviceId, position })) },
    },
  });
  // The message may name the person: the log keeps only counts.
  await recordAudit({ action: "referral_pack.created", actor: author, targetType: "referral_pack", targetId: pack.id, details: { services: ordered.length, expiresInDays: input.expiresInDays } });
  return { packId: pack.id, token, expiresAt: pack.expiresAt };
}

export type OpenedPack =
  | { status: "gone" }
  | { status: "active"; message: string | null; locale: string; expiresAt: Date; services: ServiceSummary[]; noLongerListed: number };

/** What the person with the link sees: the services as they are now. */
export async function openPack(token: string, now = new Date()): Promise<OpenedPack> {
  if (!/^[a-z2-9]{32}$/.test(token)) return { status: "gone" };
  const pack = await prisma.referralPack.findUnique({
    where: { tokenHash: Buffer.from(hashSecret(token)) },
    include: { items: { orderBy: { position: "asc" } } },
  });
  if (!pack || pack.revokedAt || pack.expiresAt <= now) return { status: "gone" };
  const services = await loadSummaries(
    pack.items.map((item) => item.serviceId),
    now,
    pack.locale,
  );
  return {
    status: "active",
    message: pack.message,
    locale: pack.locale,
    expiresAt: pack.expiresAt,
    services,
    // Archived or unpublished since: counted, never shown.
    noLongerListed: pack.items.length - services.length,
  };
}

export async function listPacks(authorId: string) {
  return prisma.referralPack.findMany({
    where: { authorId },
    orderBy: { createdAt: "desc" },
    include: { items: { orderBy: { position: "asc" }, include: { service: { select: { name: true } } } } },
  });
}

export async function revokePack(packId: string, author: { id: string; email: string }, now = new Date()) {
  const result = await prisma.referralPack.updateMany({ where: { id: packId, authorId: author.id, revokedAt: null }, data: { revokedAt: now } });
  if (result.count === 1) await recordAudit({ action: "referral_pack.revoked", actor: author, targetType: "referral_pack", targetId: packId });
  return result.count === 1;
}

/** The scheduled clean-up: expired packs are deleted, not kept. */
export async function deleteExpiredPacks(now = new Date()) {
  const result = await prisma.referralPack.deleteMany({ where: { expiresAt: { lte: now } } });
  return result.count;
}

/** Ready to paste into a text message or an email. */
export function packAsText(pack: { message: string | null; services: ServiceSummary[] }, link: string, t: Translate): string {
  const lines: string[] = [];
  if (pack.message) lines.push(pack.message, "");
  lines.push(t("pack.textIntro"), "");
  for (const service of pack.services) {
    lines.push(`${service.name} (${service.organizationName})`);
    for (const contact of service.contacts) lines.push(`  ${t(`contact.${contact.kind}`)}: ${contact.value}`);
    lines.push("");
  }
  lines.push(t("pack.textLink", { link }));
  return lines.join("\n");
}
